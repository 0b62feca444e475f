package io.callflow.ops.config;

import static io.callflow.ops.config.ValueTypes.duration;
import static io.callflow.ops.config.ValueTypes.integer;
import static io.callflow.ops.config.ValueTypes.oneOf;
import static io.callflow.ops.config.ValueTypes.optionalPhoneNumber;
import static io.callflow.ops.config.ValueTypes.optionalReadableFile;
import static io.callflow.ops.config.ValueTypes.optionalText;
import static io.callflow.ops.config.ValueTypes.sipUri;
import static io.callflow.ops.config.ValueTypes.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code procedure} section: how the operating procedure (PROCEDURE.md) is run. */
public record ProcedureConfig(
    Locale locale,
    Optional<Path> promptScript,
    Reconnect reconnect,
    LineFailure lineFailure,
    List<Department> departments,
    Duration consoleHeartbeatTimeout,
    Duration recordingPauseTimeout,
    Duration probeTimeout,
    Duration endedRetention,
    DropCauses dropCauses) {

  /**
   * Clause 3.3 c: reconnect a dropped call. {@code delays.get(i)} is waited before attempt
   * {@code i + 1}; the last delay repeats. {@code target} is {@code DROPPED_LEG},
   * {@code CUSTOMER} or {@code AGENT}. An empty {@code callerId} presents the original number.
   */
  public record Reconnect(int attempts, List<Duration> delays, Duration attemptTimeout,
      String target, String callerId) {}

  /**
   * Which Q.850 causes (RFC 3326 section 2 Reason header) mean a leg was lost rather than
   * hung up; {@code unlisted} ({@code HANGUP} or {@code DROP}) says what any other cause means.
   */
  public record DropCauses(List<Integer> failure, List<Integer> normal, String unlisted) {}

  /** Clause 3.3 a: the other channels the customer is guided to when a line fails. */
  public record LineFailure(List<String> otherChannels) {}

  /** Clause 3.2 b/c: a department an agent can consult or transfer to. */
  public record Department(String name, String uri, String description) {}

  static ProcedureConfig from(ConfigNode n) {
    Map<String, Locale> locales = new LinkedHashMap<>();
    locales.put("en", Locale.ENGLISH);
    locales.put("zh-CN", Locale.SIMPLIFIED_CHINESE);
    return new ProcedureConfig(
        n.get("locale", oneOf(locales)),
        n.get("promptScript", optionalReadableFile()),
        n.section("reconnect", ProcedureConfig::reconnect),
        n.section("lineFailure", l -> new LineFailure(l.list("otherChannels", text()))),
        n.sections("departments", d -> new Department(
            d.get("name", text()), d.get("uri", sipUri()), d.get("description", optionalText(), ""))),
        n.get("consoleHeartbeatTimeout", duration(Duration.ZERO, Duration.ofMinutes(10))),
        n.get("recordingPauseTimeout", duration(Duration.ofMillis(100), Duration.ofMinutes(1))),
        n.get("probeTimeout", duration(Duration.ofSeconds(1), Duration.ofMinutes(5))),
        n.get("endedRetention", duration(Duration.ZERO, Duration.ofHours(1))),
        n.section("dropCauses", d -> new DropCauses(
            d.list("failure", integer(1, 127)),
            d.list("normal", integer(1, 127)),
            d.get("unlisted", oneOf(words("HANGUP", "DROP"))))));
  }

  /**
   * Reads the values; whether they fit together (at least one delay, a valid caller id) is
   * checked by core's own settings records when ops maps them, so the rules live in one place.
   */
  private static Reconnect reconnect(ConfigNode r) {
    return new Reconnect(
        r.get("attempts", integer(1, 10)),
        r.list("delays", duration(Duration.ZERO, Duration.ofMinutes(5))),
        r.get("attemptTimeout", duration(Duration.ofSeconds(1), Duration.ofMinutes(2))),
        r.get("target", oneOf(words("DROPPED_LEG", "CUSTOMER", "AGENT"))),
        r.get("callerId", optionalPhoneNumber()));
  }

  private static Map<String, String> words(String... words) {
    Map<String, String> choices = new LinkedHashMap<>();
    for (String word : words) {
      choices.put(word, word);
    }
    return choices;
  }
}
