package io.callflow.ops.config;

import static io.callflow.ops.config.ValueTypes.cidr;
import static io.callflow.ops.config.ValueTypes.duration;
import static io.callflow.ops.config.ValueTypes.envVarName;
import static io.callflow.ops.config.ValueTypes.integer;
import static io.callflow.ops.config.ValueTypes.ipAddress;
import static io.callflow.ops.config.ValueTypes.oneOf;
import static io.callflow.ops.config.ValueTypes.port;
import static io.callflow.ops.config.ValueTypes.sipUri;
import static io.callflow.ops.config.ValueTypes.text;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sip} section: where the SIP stack listens, its timers and limits, who may
 * talk to it, and the peers and registrations it keeps up.
 */
public record SipConfig(
    InetAddress bindAddress,
    int udpPort,
    int tcpPort,
    Timers timers,
    Limits limits,
    AllowLists allow,
    Refusal refusal,
    RateLimit rateLimit,
    List<Peer> peers,
    List<RegisterAccount> register) {

  /** RFC 3261 §17.1.1.1 (T1 estimate of round-trip time, T2 cap) and §17.1.2.2 (T4). */
  public record Timers(Duration t1, Duration t2, Duration t4) {}

  /** Limits that keep hostile or broken peers from exhausting memory. */
  public record Limits(int maxMessageBytes, int maxHeaders, int maxTcpConnections) {}

  /** Source networks allowed to send requests: trunks (the PBX side) and agent phones. */
  public record AllowLists(List<Cidr> trunks, List<Cidr> phones) {}

  /** What a request from a source outside the allow-lists gets. */
  public enum Refusal {
    /** Answer 403 Forbidden (RFC 3261 §21.4.4). */
    FORBIDDEN,
    /** Drop it without an answer, to give scanners nothing. */
    SILENT
  }

  /** Token bucket per source address. */
  public record RateLimit(int requestsPerSecond, int burst) {}

  /** A SIP peer probed with OPTIONS; after {@code failureThreshold} misses in a row it is down. */
  public record Peer(String name, String uri, Duration optionsInterval, int failureThreshold) {}

  /** A registration the service keeps up; the password is read from {@code passwordEnv}. */
  public record RegisterAccount(String name, String registrar, String user, String passwordEnv, Duration expires) {}

  static SipConfig from(ConfigNode n) {
    Map<String, Refusal> refusals = new LinkedHashMap<>();
    refusals.put("403", Refusal.FORBIDDEN);
    refusals.put("silent", Refusal.SILENT);
    return new SipConfig(
        n.get("bindAddress", ipAddress()),
        n.get("udpPort", port()),
        n.get("tcpPort", port()),
        n.section("timers", SipConfig::timers),
        n.section("limits", t -> new Limits(
            t.get("maxMessageBytes", integer(1_024, 1_048_576)),
            t.get("maxHeaders", integer(16, 1_000)),
            t.get("maxTcpConnections", integer(1, 1_000_000)))),
        n.section("allow", t -> new AllowLists(t.list("trunks", cidr()), t.list("phones", cidr()))),
        n.get("refusal", oneOf(refusals)),
        n.section("rateLimit", t -> new RateLimit(
            t.get("requestsPerSecond", integer(1, 1_000_000)),
            t.get("burst", integer(1, 1_000_000)))),
        n.sections("peers", p -> new Peer(
            p.get("name", text()),
            p.get("uri", sipUri()),
            p.get("optionsInterval", duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofSeconds(30)),
            p.get("failureThreshold", integer(1, 100), 3))),
        n.sections("register", r -> new RegisterAccount(
            r.get("name", text()),
            r.get("registrar", sipUri()),
            r.get("user", text()),
            r.get("passwordEnv", envVarName()),
            r.get("expires", duration(Duration.ofMinutes(1), Duration.ofDays(1)), Duration.ofHours(1)))));
  }

  private static Timers timers(ConfigNode t) {
    Duration t1 = t.get("t1", duration(Duration.ofMillis(10), Duration.ofSeconds(10)));
    Duration t2 = t.get("t2", duration(Duration.ofMillis(10), Duration.ofMinutes(1)));
    Duration t4 = t.get("t4", duration(Duration.ofMillis(10), Duration.ofMinutes(1)));
    if (t.clean() && t2.compareTo(t1) < 0) {
      t.reject("t2", Durations.format(t2), "must be at least t1 (" + Durations.format(t1) + "), RFC 3261 §17.1.2.2");
    }
    return new Timers(t1, t2, t4);
  }
}
