package io.callflow.ops.headset;

import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.exposure.NoiseExposure;
import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.ConfigProblem;
import io.callflow.ops.config.HeadsetConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code headset} config section as the monitor's settings. Keys the section does not
 * have keep the monitor's defaults (docs/headset-monitor.md). Where the section allows more
 * than the monitor does, the value is refused here naming the config key and the fix, so
 * {@code check-config} and start-up fail the same way:
 *
 * <ul>
 *   <li>{@code headset.disconnectedAfter} → {@code timing.disconnectedAfter} (monitor: 5 s – 1 h);
 *   <li>{@code headset.thresholds.flapWindow} → {@code timing.flapWindow} (monitor: 10 s – 1 h);
 *   <li>{@code headset.thresholds.flapCount} → {@code thresholds.flapChanges};
 *   <li>{@code headset.thresholds.minMos} → {@code thresholds.mosDegraded}, the MOS under which a
 *       LOW_MOS fault is raised; {@code mosFault} (escalation) stays 3.10 or 0.5 below it, whichever
 *       is lower (so minMos must be 1.5 – 4.5);
 *   <li>{@code headset.day.boundary} / {@code timeZone} → {@code day.start} / {@code zone};
 *   <li>{@code headset.thresholds.lowerActionDba} / {@code upperActionDba} / {@code exposureLimitDba}
 *       must equal the directive's 80 / 85 / 87 dB(A), which the monitor applies as fixed values;
 *   <li>{@code headset.thresholds.noiseFloorDbfs} is not used: the monitor judges background
 *       noise in dB(A) at the microphone ({@code thresholds.noiseDegradedDba} / {@code noiseFaultDba}),
 *       which a digital full-scale level cannot be converted to.
 * </ul>
 */
public final class HeadsetSettingsMapping {

  static final double MOS_FAULT_DEFAULT = MonitorSettings.Thresholds.defaults().mosFault();
  static final double MOS_FAULT_BELOW_DEGRADED = 0.5;
  private static final double MOS_MIN = 1.0;
  private static final double MOS_MAX = 4.5;
  private static final Duration DISCONNECTED_MIN = Duration.ofSeconds(5);
  private static final Duration FLAP_WINDOW_MAX = Duration.ofHours(1);

  private HeadsetSettingsMapping() {}

  /**
   * @throws ConfigException naming every {@code headset.*} key the monitor cannot take, with the fix
   */
  public static MonitorSettings from(HeadsetConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    HeadsetConfig.Thresholds t = config.thresholds();
    if (config.disconnectedAfter().compareTo(DISCONNECTED_MIN) < 0) {
      problems.add(new ConfigProblem("headset.disconnectedAfter", config.disconnectedAfter().toString(),
          "is shorter than the monitor allows: set at least 5s"));
    }
    if (t.flapWindow().compareTo(FLAP_WINDOW_MAX) > 0) {
      problems.add(new ConfigProblem("headset.thresholds.flapWindow", t.flapWindow().toString(),
          "is longer than the monitor allows: set at most 1h"));
    }
    double mosFault = Math.min(MOS_FAULT_DEFAULT, t.minMos() - MOS_FAULT_BELOW_DEGRADED);
    if (t.minMos() > MOS_MAX || mosFault < MOS_MIN) {
      problems.add(new ConfigProblem("headset.thresholds.minMos", Double.toString(t.minMos()),
          "is out of range for the monitor: set between " + (MOS_MIN + MOS_FAULT_BELOW_DEGRADED) + " and " + MOS_MAX));
    }
    fixed(problems, "lowerActionDba", t.lowerActionDba(), NoiseExposure.LOWER_ACTION_DBA);
    fixed(problems, "upperActionDba", t.upperActionDba(), NoiseExposure.UPPER_ACTION_DBA);
    fixed(problems, "exposureLimitDba", t.exposureLimitDba(), NoiseExposure.LIMIT_DBA);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    MonitorSettings defaults = MonitorSettings.defaults();
    MonitorSettings.Timing timing = defaults.timing();
    MonitorSettings.Thresholds levels = defaults.thresholds();
    return defaults
        .withTiming(new MonitorSettings.Timing(config.disconnectedAfter(), timing.monitorInterval(), timing.gapAfter(),
            t.flapWindow()))
        .withThresholds(new MonitorSettings.Thresholds(levels.noiseDegradedDba(), levels.noiseFaultDba(),
            levels.noiseHysteresisDb(), levels.silenceBelowDba(), levels.distortionIncidents(), t.flapCount(),
            t.minMos(), mosFault))
        .withDay(new MonitorSettings.WorkingDay(config.day().boundary(), config.day().timeZone()));
  }

  private static void fixed(List<ConfigProblem> problems, String key, double configured, double statutory) {
    if (configured != statutory) {
      problems.add(new ConfigProblem("headset.thresholds." + key, Double.toString(configured),
          String.format(Locale.ROOT, "is not adjustable: the monitor applies EU 2003/10/EC art. 3's %.0f dB(A);"
              + " remove the key or set %.0f", statutory, statutory)));
    }
  }
}
