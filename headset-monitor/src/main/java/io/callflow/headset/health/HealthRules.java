package io.callflow.headset.health;

import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.exposure.ExposureBand;
import io.callflow.headset.exposure.ExposureSummary;
import io.callflow.headset.quality.CallQuality;
import io.callflow.headset.telemetry.AgentReport;
import io.callflow.headset.telemetry.TelemetrySample;
import java.util.List;
import java.util.Locale;

/**
 * Turns each input into observations of the typical faults. Level thresholds have a dead band
 * ({@code noiseHysteresisDb}): a raised noise condition stays bad until the level falls that
 * far below the threshold that raised it.
 */
public final class HealthRules {

  private final MonitorSettings.Thresholds limits;

  public HealthRules(MonitorSettings.Thresholds limits) {
    this.limits = limits;
  }

  /**
   * The per-sample observations of a connected headset.
   *
   * @param noiseActive the noise condition's current severity, for the dead band
   * @param connectionChanges connect/disconnect changes within the flap window, this sample included
   */
  public List<Observation> ofSample(TelemetrySample sample, Severity noiseActive, int connectionChanges) {
    return List.of(distortion(sample), noise(sample, noiseActive), silence(sample),
        discomfort(sample.agentReport()), poorContact(connectionChanges));
  }

  /** Poor contact alone, for a sample of an unplugged headset (the other rules need audio). */
  public Observation poorContact(int connectionChanges) {
    if (connectionChanges >= limits.flapChanges()) {
      return new Observation(FaultType.POOR_CONTACT, Severity.FAULT,
          connectionChanges + " connect/disconnect changes within the flap window", true);
    }
    return Observation.fine(FaultType.POOR_CONTACT);
  }

  private Observation distortion(TelemetrySample sample) {
    AgentReport report = sample.agentReport();
    if (report != null && report.distortionHeard()) {
      return new Observation(FaultType.DISTORTION, Severity.FAULT, "agent reports distortion"
          + (report.note() == null ? "" : ": " + report.note()), true);
    }
    if (sample.acousticIncidents() >= limits.distortionIncidents()) {
      return new Observation(FaultType.DISTORTION, Severity.FAULT,
          sample.acousticIncidents() + " peak-limiting events in " + sample.period().toSeconds() + " s", false);
    }
    return Observation.fine(FaultType.DISTORTION);
  }

  private Observation noise(TelemetrySample sample, Severity active) {
    double level = sample.backgroundNoiseDba();
    double band = limits.noiseHysteresisDb();
    double faultAt = limits.noiseFaultDba() - (active == Severity.FAULT ? band : 0);
    double degradedAt = limits.noiseDegradedDba() - (active != null ? band : 0);
    if (level >= faultAt) {
      return new Observation(FaultType.NOISE, Severity.FAULT, dba("background noise", level), false);
    }
    if (level >= degradedAt) {
      return new Observation(FaultType.NOISE, Severity.DEGRADED, dba("background noise", level), false);
    }
    return Observation.fine(FaultType.NOISE);
  }

  private Observation silence(TelemetrySample sample) {
    if (sample.inCall() && !sample.muted() && sample.receivedLevelDba() < limits.silenceBelowDba()) {
      return new Observation(FaultType.SILENCE, Severity.FAULT,
          dba("received level in a call", sample.receivedLevelDba()), false);
    }
    return Observation.fine(FaultType.SILENCE);
  }

  private static Observation discomfort(AgentReport report) {
    if (report != null && report.discomfort()) {
      return new Observation(FaultType.DISCOMFORT, Severity.DEGRADED, "agent reports discomfort"
          + (report.note() == null ? "" : ": " + report.note()), true);
    }
    return Observation.fine(FaultType.DISCOMFORT);
  }

  /** Over-exposure from the day's dose and peak against Directive 2003/10/EC Art. 3. */
  public Observation ofExposure(ExposureSummary day) {
    ExposureBand worst = day.band().compareTo(day.peakBand()) >= 0 ? day.band() : day.peakBand();
    String evidence = String.format(Locale.ROOT, "L_EX,8h %.1f dB(A), dose %.2f%s", day.lex8hDba(),
        day.doseRatio(), day.peakDbc() == null ? "" : String.format(Locale.ROOT, ", peak %.1f dB(C)", day.peakDbc()));
    return switch (worst) {
      case BELOW_ACTION -> Observation.fine(FaultType.OVER_EXPOSURE);
      case LOWER_ACTION -> new Observation(FaultType.OVER_EXPOSURE, Severity.DEGRADED, evidence, true);
      case UPPER_ACTION, LIMIT_EXCEEDED -> new Observation(FaultType.OVER_EXPOSURE, Severity.FAULT, evidence, true);
    };
  }

  /** Low MOS from one counted call-quality report (reported or estimated, whichever is lower). */
  public Observation ofQuality(CallQuality quality) {
    Double mos = quality.worstMos();
    if (mos == null || mos >= limits.mosDegraded()) {
      return Observation.fine(FaultType.LOW_MOS);
    }
    String evidence = String.format(Locale.ROOT, "call MOS %.2f", mos);
    return new Observation(FaultType.LOW_MOS, mos < limits.mosFault() ? Severity.FAULT : Severity.DEGRADED,
        evidence, false);
  }

  private static String dba(String what, double level) {
    return String.format(Locale.ROOT, "%s %.1f dB(A)", what, level);
  }
}
