package io.callflow.ops.config;

import static io.callflow.ops.config.ValueTypes.duration;
import static io.callflow.ops.config.ValueTypes.integer;
import static io.callflow.ops.config.ValueTypes.number;
import static io.callflow.ops.config.ValueTypes.timeOfDay;
import static io.callflow.ops.config.ValueTypes.timeZone;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** The {@code headset} section: device health and hearing protection (clauses 2.1 b, 4.1 c, 4.3). */
public record HeadsetConfig(Duration disconnectedAfter, Day day, Thresholds thresholds) {

  /** When a working day starts, for the daily noise dose. */
  public record Day(LocalTime boundary, ZoneId timeZone) {}

  /**
   * Fault thresholds. The dB(A) values are the daily exposure action values of
   * EU directive 2003/10/EC art. 3 (80 lower, 85 upper, 87 limit).
   */
  public record Thresholds(
      double lowerActionDba,
      double upperActionDba,
      double exposureLimitDba,
      double noiseFloorDbfs,
      double minMos,
      int flapCount,
      Duration flapWindow) {}

  static HeadsetConfig from(ConfigNode n) {
    return new HeadsetConfig(
        n.get("disconnectedAfter", duration(Duration.ofSeconds(1), Duration.ofHours(1))),
        n.section("day", d -> new Day(d.get("boundary", timeOfDay()), d.get("timeZone", timeZone()))),
        n.section("thresholds", HeadsetConfig::thresholds));
  }

  private static Thresholds thresholds(ConfigNode t) {
    double lower = t.get("lowerActionDba", number(40, 140));
    double upper = t.get("upperActionDba", number(40, 140));
    double limit = t.get("exposureLimitDba", number(40, 140));
    if (t.clean() && !(lower <= upper && upper <= limit)) {
      t.reject("upperActionDba", upper,
          "must lie between lowerActionDba (" + lower + ") and exposureLimitDba (" + limit + ")");
    }
    return new Thresholds(
        lower,
        upper,
        limit,
        t.get("noiseFloorDbfs", number(-120, 0)),
        t.get("minMos", number(1, 5)),
        t.get("flapCount", integer(2, 100)),
        t.get("flapWindow", duration(Duration.ofSeconds(10), Duration.ofHours(24))));
}
}
