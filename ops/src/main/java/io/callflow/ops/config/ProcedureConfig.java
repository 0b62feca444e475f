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
    Duration consoleHeartbeatTimeout) {

  /**
   * Clause 3.3 c: reconnect a dropped call. {@code delays.get(i)} is waited before attempt
   * {@code i + 1}; the last delay repeats. An empty {@code callerId} presents the original number.
   */
  public record Reconnect(int attempts, List<Duration> delays, String callerId) {}

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
        n.get("consoleHeartbeatTimeout", duration(Duration.ofSeconds(1), Duration.ofMinutes(10))));
  }

  private static Reconnect reconnect(ConfigNode r) {
    int attempts = r.get("attempts", integer(0, 10));
    List<Duration> delays = r.list("delays", duration(Duration.ZERO, Duration.ofMinutes(10)));
    if (r.clean() && attempts > 0 && delays.isEmpty()) {
      r.reject("delays", "[]", "must list at least one delay when attempts > 0, such as [0s, 5s]");
    }
    return new Reconnect(attempts, delays, r.get("callerId", optionalPhoneNumber()));
  }
}
