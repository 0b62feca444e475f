package io.callflow.headset.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Every threshold, timer and limit of the headset monitor, validated when built: a bad
 * value throws {@link IllegalArgumentException} naming the key ({@code headset.*}) and the
 * valid range, so {@code check-config} can tell the operator how to fix it.
 *
 * @param timing when devices count as disconnected, how often the monitor runs, gap and flap windows
 * @param thresholds levels at which a condition counts as DEGRADED or FAULT
 * @param hysteresis how many consecutive evaluations raise or clear a condition
 * @param day the working day's boundary and time zone, for the daily noise dose
 * @param limits input size limits
 * @param publish SIP PUBLISH expiry (RFC 3903 §6 step 5)
 * @param shiftCheck pass bands for the start-of-shift headset check
 */
public record MonitorSettings(Timing timing, Thresholds thresholds, Hysteresis hysteresis,
    WorkingDay day, Limits limits, Publish publish, ShiftCheck shiftCheck) {

  public MonitorSettings {
    require("headset.timing", timing);
    require("headset.thresholds", thresholds);
    require("headset.hysteresis", hysteresis);
    require("headset.day", day);
    require("headset.limits", limits);
    require("headset.publish", publish);
    require("headset.shiftCheck", shiftCheck);
  }

  /** The defaults documented in docs/headset-monitor.md. */
  public static MonitorSettings defaults() {
    return new MonitorSettings(Timing.defaults(), Thresholds.defaults(), Hysteresis.defaults(),
        WorkingDay.defaults(), Limits.defaults(), Publish.defaults(), ShiftCheck.defaults());
  }

  public MonitorSettings withTiming(Timing value) {
    return new MonitorSettings(value, thresholds, hysteresis, day, limits, publish, shiftCheck);
  }

  public MonitorSettings withThresholds(Thresholds value) {
    return new MonitorSettings(timing, value, hysteresis, day, limits, publish, shiftCheck);
  }

  public MonitorSettings withHysteresis(Hysteresis value) {
    return new MonitorSettings(timing, thresholds, value, day, limits, publish, shiftCheck);
  }

  public MonitorSettings withDay(WorkingDay value) {
    return new MonitorSettings(timing, thresholds, hysteresis, value, limits, publish, shiftCheck);
  }

  private static void require(String key, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(key + " is missing");
    }
  }

  /**
   * @param disconnectedAfter no telemetry for this long makes a device DISCONNECTED (5 s – 1 h)
   * @param monitorInterval period of the monitor run (1 s – 10 min)
   * @param gapAfter silence between two samples longer than this is a telemetry gap (1 s – 1 h)
   * @param flapWindow connect/disconnect changes are counted over this window (10 s – 1 h)
   */
  public record Timing(Duration disconnectedAfter, Duration monitorInterval, Duration gapAfter,
      Duration flapWindow) {
    public Timing {
      Ranges.between("headset.timing.disconnectedAfter", disconnectedAfter, Duration.ofSeconds(5), Duration.ofHours(1));
      Ranges.between("headset.timing.monitorInterval", monitorInterval, Duration.ofSeconds(1), Duration.ofMinutes(10));
      Ranges.between("headset.timing.gapAfter", gapAfter, Duration.ofSeconds(1), Duration.ofHours(1));
      Ranges.between("headset.timing.flapWindow", flapWindow, Duration.ofSeconds(10), Duration.ofHours(1));
    }

    public static Timing defaults() {
      return new Timing(Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }
  }

  /**
   * @param noiseDegradedDba background noise at the agent's microphone that degrades the device (20–120 dB(A))
   * @param noiseFaultDba background noise that faults it (20–120 dB(A), above noiseDegradedDba)
   * @param noiseHysteresisDb noise must fall this far below a threshold to clear (0–20 dB)
   * @param silenceBelowDba received level under this in a call, unmuted, counts as silence (0–60 dB(A))
   * @param distortionIncidents peak-limiting events in one sample that count as distortion (1–1000)
   * @param flapChanges connect/disconnect changes within the flap window that count as poor contact (2–100)
   * @param mosDegraded call MOS under this degrades the agent's device (1–4.5)
   * @param mosFault call MOS under this faults it (1–4.5, below mosDegraded)
   */
  public record Thresholds(double noiseDegradedDba, double noiseFaultDba, double noiseHysteresisDb,
      double silenceBelowDba, int distortionIncidents, int flapChanges, double mosDegraded, double mosFault) {
    public Thresholds {
      Ranges.between("headset.thresholds.noiseDegradedDba", noiseDegradedDba, 20, 120);
      Ranges.between("headset.thresholds.noiseFaultDba", noiseFaultDba, 20, 120);
      Ranges.below("headset.thresholds.noiseDegradedDba", noiseDegradedDba, "headset.thresholds.noiseFaultDba", noiseFaultDba);
      Ranges.between("headset.thresholds.noiseHysteresisDb", noiseHysteresisDb, 0, 20);
      Ranges.between("headset.thresholds.silenceBelowDba", silenceBelowDba, 0, 60);
      Ranges.between("headset.thresholds.distortionIncidents", distortionIncidents, 1, 1000);
      Ranges.between("headset.thresholds.flapChanges", flapChanges, 2, 100);
      Ranges.between("headset.thresholds.mosDegraded", mosDegraded, 1, 4.5);
      Ranges.between("headset.thresholds.mosFault", mosFault, 1, 4.5);
      Ranges.below("headset.thresholds.mosFault", mosFault, "headset.thresholds.mosDegraded", mosDegraded);
    }

    /** MOS 3.60 and 3.10 are R = 70 and R = 60, the G.109 "some users dissatisfied" and "many users dissatisfied" bands. */
    public static Thresholds defaults() {
      return new Thresholds(55, 65, 3, 20, 3, 4, 3.60, 3.10);
    }
  }

  /**
   * @param raiseAfter consecutive bad evaluations before a condition is raised (1–100)
   * @param clearAfter consecutive good evaluations before it clears (1–1000)
   */
  public record Hysteresis(int raiseAfter, int clearAfter) {
    public Hysteresis {
      Ranges.between("headset.hysteresis.raiseAfter", raiseAfter, 1, 100);
      Ranges.between("headset.hysteresis.clearAfter", clearAfter, 1, 1000);
    }

    public static Hysteresis defaults() {
      return new Hysteresis(2, 4);
    }
  }

  /**
   * @param start local time at which a working day begins (any time of day)
   * @param zone the site's time zone
   */
  public record WorkingDay(LocalTime start, ZoneId zone) {
    public WorkingDay {
      if (start == null) {
        throw new IllegalArgumentException("headset.day.start is missing: set a local time such as 06:00");
      }
      if (zone == null) {
        throw new IllegalArgumentException("headset.day.zone is missing: set a zone id such as Europe/Berlin");
      }
    }

    public static WorkingDay defaults() {
      return new WorkingDay(LocalTime.MIDNIGHT, ZoneId.of("UTC"));
    }
  }

  /**
   * @param maxBatchBytes largest telemetry batch accepted (1 KiB – 16 MiB)
   * @param maxSamplesPerBatch most samples in one batch (1–100000)
   * @param maxReportBytes largest vq-rtcpxr body accepted (256 B – 64 KiB)
   * @param dedupCapacity how many quality-report keys are remembered to count each report once (100–1000000)
   * @param maxClockSkew how far in the future a sample may start, by the monitor's clock (1 s – 1 h)
   * @param maxSampleAge how old a sample may be when it arrives (1 min – 7 days)
   */
  public record Limits(int maxBatchBytes, int maxSamplesPerBatch, int maxReportBytes, int dedupCapacity,
      Duration maxClockSkew, Duration maxSampleAge) {
    public Limits {
      Ranges.between("headset.limits.maxBatchBytes", maxBatchBytes, 1024, 16 << 20);
      Ranges.between("headset.limits.maxSamplesPerBatch", maxSamplesPerBatch, 1, 100_000);
      Ranges.between("headset.limits.maxReportBytes", maxReportBytes, 256, 64 << 10);
      Ranges.between("headset.limits.dedupCapacity", dedupCapacity, 100, 1_000_000);
      Ranges.between("headset.limits.maxClockSkew", maxClockSkew, Duration.ofSeconds(1), Duration.ofHours(1));
      Ranges.between("headset.limits.maxSampleAge", maxSampleAge, Duration.ofMinutes(1), Duration.ofDays(7));
    }

    public static Limits defaults() {
      return new Limits(1 << 20, 1000, 16 << 10, 10_000, Duration.ofMinutes(5), Duration.ofHours(24));
    }
  }

  /**
   * @param defaultExpires expiry granted when a PUBLISH carries no Expires (60 s – 1 day; RFC 3903 §6 step 5)
   * @param maxExpires the longest expiry granted (60 s – 1 day, at least defaultExpires)
   */
  public record Publish(Duration defaultExpires, Duration maxExpires) {
    public Publish {
      Ranges.between("headset.publish.defaultExpires", defaultExpires, Duration.ofSeconds(60), Duration.ofDays(1));
      Ranges.between("headset.publish.maxExpires", maxExpires, defaultExpires, Duration.ofDays(1));
    }

    public static Publish defaults() {
      return new Publish(Duration.ofHours(1), Duration.ofHours(2));
    }
  }

  /**
   * @param loopbackMinDba lowest acceptable loopback level (20–120 dB(A))
   * @param loopbackMaxDba highest acceptable loopback level (20–120 dB(A), above loopbackMinDba)
   * @param noiseFloorMaxDba highest acceptable noise floor with the line idle (0–90 dB(A))
   */
  public record ShiftCheck(double loopbackMinDba, double loopbackMaxDba, double noiseFloorMaxDba) {
    public ShiftCheck {
      Ranges.between("headset.shiftCheck.loopbackMinDba", loopbackMinDba, 20, 120);
      Ranges.between("headset.shiftCheck.loopbackMaxDba", loopbackMaxDba, 20, 120);
      Ranges.below("headset.shiftCheck.loopbackMinDba", loopbackMinDba, "headset.shiftCheck.loopbackMaxDba", loopbackMaxDba);
      Ranges.between("headset.shiftCheck.noiseFloorMaxDba", noiseFloorMaxDba, 0, 90);
    }

    public static ShiftCheck defaults() {
      return new ShiftCheck(55, 80, 40);
    }
  }
}
