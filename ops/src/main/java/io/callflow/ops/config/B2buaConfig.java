package io.callflow.ops.config;

import static io.callflow.ops.config.ValueTypes.duration;
import static io.callflow.ops.config.ValueTypes.envVarName;
import static io.callflow.ops.config.ValueTypes.integer;
import static io.callflow.ops.config.ValueTypes.oneOf;
import static io.callflow.ops.config.ValueTypes.optionalText;
import static io.callflow.ops.config.ValueTypes.text;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code b2bua} section: call control in the signalling path between the PBX and the
 * agents' phones (docs/b2bua-call.md). Values are read and range-checked here; the rules that
 * tie several keys together (a next hop in transparent mode, an account per registering
 * phone) are checked when they are mapped to the call control's own settings, and reported
 * under the same keys.
 */
public record B2buaConfig(
    Routing routing,
    String nextHop,
    String transport,
    String trunk,
    Duration agentRingTimeout,
    Duration dropHoldTimeout,
    int maxForwards,
    int maxCalls,
    SessionTimer sessionTimer,
    Drops drops,
    Agents agents,
    Callback callback,
    Transfer transfer,
    Registrar registrar) {

  /** How the agent leg is routed; NONE keeps INVITE refused with 503 (no call control). */
  public enum Routing {
    NONE,
    TRANSPARENT,
    REGISTRAR
  }

  /** RFC 4028 session timers on both legs. */
  public record SessionTimer(Duration sessionExpires, Duration minSe) {}

  /** What ends a leg as a drop besides the Q.850 causes of {@code procedure.dropCauses}. */
  public record Drops(List<Integer> sipFailureCodes, boolean byeWithoutReasonIsDrop) {}

  /** The agent hunt (registrar mode) and the pauses after an agent did not take a call. */
  public record Agents(int maxAttempts, String fallbackUri, Duration busyPause, Duration noAnswerPause,
      Duration unavailablePause) {}

  /** How a caller's number becomes the number to call back: rules applied in order. */
  public record Callback(List<CallbackRule> rules) {}

  /** One rule: exactly one of stripPrefix, countryCode (with trunkPrefix) or regex (with replacement). */
  public record CallbackRule(String stripPrefix, String countryCode, String trunkPrefix, String regex,
      String replacement) {}

  /** Where a transfer (REFER from an agent phone, or the console) may send the customer. */
  public record Transfer(List<String> allowedHosts, String telRoute, Duration ringTimeout) {}

  /** Agent phones registering to the service (registrar mode). */
  public record Registrar(String realm, Duration minExpires, Duration maxExpires, Duration defaultExpires,
      Duration nonceLifetime, List<Account> accounts) {}

  /** One agent's phone account; the password is read from the environment variable named. */
  public record Account(String agent, String user, String passwordEnv, List<String> queues) {}

  static B2buaConfig from(ConfigNode n) {
    Map<String, Routing> routings = new LinkedHashMap<>();
    routings.put("none", Routing.NONE);
    routings.put("transparent", Routing.TRANSPARENT);
    routings.put("registrar", Routing.REGISTRAR);
    Map<String, String> transports = new LinkedHashMap<>();
    transports.put("UDP", "UDP");
    transports.put("TCP", "TCP");
    return new B2buaConfig(
        n.get("routing", oneOf(routings)),
        n.get("nextHop", optionalText()),
        n.get("transport", oneOf(transports)),
        n.get("trunk", optionalText()),
        n.get("agentRingTimeout", duration(Duration.ofSeconds(1), Duration.ofMinutes(10))),
        n.get("dropHoldTimeout", duration(Duration.ofSeconds(1), Duration.ofHours(1))),
        n.get("maxForwards", integer(1, 255)),
        n.get("maxCalls", integer(0, 1_000_000)),
        n.section("sessionTimer", t -> new SessionTimer(
            t.get("sessionExpires", duration(Duration.ofSeconds(90), Duration.ofDays(1))),
            t.get("minSe", duration(Duration.ofSeconds(90), Duration.ofDays(1))))),
        n.section("drops", d -> new Drops(
            d.list("sipFailureCodes", integer(300, 699)),
            d.get("byeWithoutReasonIsDrop", oneOf(Map.of("true", true, "false", false))))),
        n.section("agents", a -> new Agents(
            a.get("maxAttempts", integer(1, 50)),
            a.get("fallbackUri", optionalText()),
            a.get("busyPause", duration(Duration.ZERO, Duration.ofHours(1))),
            a.get("noAnswerPause", duration(Duration.ZERO, Duration.ofHours(1))),
            a.get("unavailablePause", duration(Duration.ZERO, Duration.ofHours(1))))),
        n.section("callback", c -> new Callback(c.sections("rules", r -> new CallbackRule(
            r.get("stripPrefix", optionalText(), ""),
            r.get("countryCode", optionalText(), ""),
            r.get("trunkPrefix", optionalText(), ""),
            r.get("regex", optionalText(), ""),
            r.get("replacement", optionalText(), ""))))),
        n.section("transfer", t -> new Transfer(
            t.list("allowedHosts", text()),
            t.get("telRoute", optionalText()),
            t.get("ringTimeout", duration(Duration.ofSeconds(1), Duration.ofMinutes(10))))),
        n.section("registrar", r -> new Registrar(
            r.get("realm", text()),
            r.get("minExpires", duration(Duration.ofSeconds(1), Duration.ofDays(1))),
            r.get("maxExpires", duration(Duration.ofSeconds(1), Duration.ofDays(1))),
            r.get("defaultExpires", duration(Duration.ofSeconds(1), Duration.ofDays(1))),
            r.get("nonceLifetime", duration(Duration.ofSeconds(10), Duration.ofDays(1))),
            r.sections("accounts", a -> new Account(
                a.get("agent", text()),
                a.get("user", text()),
                a.get("passwordEnv", envVarName()),
                a.list("queues", text()))))));
  }
}
