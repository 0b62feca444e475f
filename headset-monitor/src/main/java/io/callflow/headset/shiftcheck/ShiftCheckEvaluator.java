package io.callflow.headset.shiftcheck;

import io.callflow.headset.config.MonitorSettings;
import java.util.List;
import java.util.Locale;

/**
 * Judges the headset check against the configured bands: the loopback level (a test tone
 * played and picked up again) must lie between the minimum and maximum, so the agent hears
 * clearly at a moderate volume; the noise floor with the line idle must stay under its maximum.
 */
public final class ShiftCheckEvaluator {

  /** Item names as the desktop and the console show them. */
  public static final String LOOPBACK = "loopback level";
  public static final String NOISE_FLOOR = "noise floor";

  private final MonitorSettings.ShiftCheck bands;

  public ShiftCheckEvaluator(MonitorSettings.ShiftCheck bands) {
    this.bands = bands;
  }

  public ShiftCheckResult evaluate(ShiftCheckReport report) {
    double loop = report.loopbackLevelDba();
    CheckItem loopback;
    if (loop < bands.loopbackMinDba()) {
      loopback = new CheckItem(LOOPBACK, loop, false, format("loopback level %.1f dB(A) is below the minimum %.1f dB(A): "
          + "no or weak audio", loop, bands.loopbackMinDba()));
    } else if (loop > bands.loopbackMaxDba()) {
      loopback = new CheckItem(LOOPBACK, loop, false, format("loopback level %.1f dB(A) is above the maximum %.1f dB(A): "
          + "volume too high", loop, bands.loopbackMaxDba()));
    } else {
      loopback = new CheckItem(LOOPBACK, loop, true, format("loopback level %.1f dB(A) is within %.1f–%.1f dB(A)",
          loop, bands.loopbackMinDba(), bands.loopbackMaxDba()));
    }
    double floor = report.noiseFloorDba();
    CheckItem noise = floor > bands.noiseFloorMaxDba()
        ? new CheckItem(NOISE_FLOOR, floor, false, format("noise floor %.1f dB(A) is above the maximum %.1f dB(A): "
            + "hum or hiss on the line", floor, bands.noiseFloorMaxDba()))
        : new CheckItem(NOISE_FLOOR, floor, true, format("noise floor %.1f dB(A) is at or below %.1f dB(A)",
            floor, bands.noiseFloorMaxDba()));
    return new ShiftCheckResult(report, List.of(loopback, noise));
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
