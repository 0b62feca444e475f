package io.callflow.headset.exposure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * One agent's exposure on one working day so far. {@code lex8hDba} and {@code doseRatio}
 * count only measured time; the time not covered by telemetry is listed in {@code gaps}
 * rather than treated as silence, and {@code lex8hGapsAtMeanDba} shows what the day would be
 * if the gaps had the same mean level as the measured time.
 *
 * @param peakDbc highest C-weighted peak reported, or null when the device reports none
 */
public record ExposureSummary(LocalDate day, double lex8hDba, double doseRatio, Duration measured,
    Duration gapTotal, List<Gap> gaps, double lex8hGapsAtMeanDba, Double peakDbc) {

  public ExposureSummary {
    gaps = List.copyOf(gaps);
  }

  public ExposureBand band() {
    return ExposureBand.ofLex8h(lex8hDba);
  }

  public ExposureBand peakBand() {
    return peakDbc == null ? ExposureBand.BELOW_ACTION : ExposureBand.ofPeak(peakDbc);
  }

  /** A stretch of the day with no telemetry. */
  public record Gap(java.time.Instant from, java.time.Instant to) {
    public Duration length() {
      return Duration.between(from, to);
    }
  }
}
