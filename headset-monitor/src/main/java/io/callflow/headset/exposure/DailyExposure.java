package io.callflow.headset.exposure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Accumulates one agent's exposure over the current working day from telemetry periods.
 * A period that crosses the day boundary is split; a new day starts from zero. Time between
 * samples longer than the gap allowance is recorded as a gap. Not thread-safe: the monitor
 * calls it under its own lock.
 */
public final class DailyExposure {

  /** Gaps kept for the summary; older ones still count in the gap total. */
  static final int GAPS_KEPT = 20;

  private final WorkingDays days;
  private final Duration gapAfter;
  private LocalDate day;
  private double energy;
  private Duration measured = Duration.ZERO;
  private Duration gapTotal = Duration.ZERO;
  private final Deque<ExposureSummary.Gap> gaps = new ArrayDeque<>();
  private Double peakDbc;
  private Instant coveredUntil;

  public DailyExposure(WorkingDays days, Duration gapAfter) {
    this.days = days;
    this.gapAfter = gapAfter;
  }

  /**
   * Adds one period. {@code levelDba} is the level at the ear, or null when the headset was
   * off (covered time without exposure); {@code peakDbc} may be null.
   */
  public void add(Instant from, Duration period, Double levelDba, Double peakDbc) {
    Instant to = from.plus(period);
    LocalDate startDay = days.dayOf(from);
    Instant boundary = days.startOf(startDay.plusDays(1));
    if (to.isAfter(boundary)) {
      addWithinDay(startDay, from, boundary, levelDba, peakDbc);
      addWithinDay(startDay.plusDays(1), boundary, to, levelDba, peakDbc);
    } else {
      addWithinDay(startDay, from, to, levelDba, peakDbc);
    }
  }

  private void addWithinDay(LocalDate periodDay, Instant from, Instant to, Double levelDba, Double peak) {
    if (day == null || periodDay.isAfter(day)) {
      startDay(periodDay);
    } else if (periodDay.isBefore(day)) {
      return;
    }
    if (coveredUntil != null && Duration.between(coveredUntil, from).compareTo(gapAfter) > 0) {
      recordGap(coveredUntil, from);
    }
    Duration length = Duration.between(from, to);
    if (levelDba != null) {
      energy += NoiseExposure.energy(levelDba, length);
      measured = measured.plus(length);
    }
    if (peak != null && (peakDbc == null || peak > peakDbc)) {
      peakDbc = peak;
    }
    if (coveredUntil == null || to.isAfter(coveredUntil)) {
      coveredUntil = to;
    }
  }

  private void startDay(LocalDate newDay) {
    day = newDay;
    energy = 0;
    measured = Duration.ZERO;
    gapTotal = Duration.ZERO;
    gaps.clear();
    peakDbc = null;
    coveredUntil = null;
  }

  private void recordGap(Instant from, Instant to) {
    gapTotal = gapTotal.plus(Duration.between(from, to));
    gaps.addLast(new ExposureSummary.Gap(from, to));
    if (gaps.size() > GAPS_KEPT) {
      gaps.removeFirst();
    }
  }

  /** The day so far; null before the first sample. */
  public ExposureSummary summary() {
    if (day == null) {
      return null;
    }
    double meanIntensity = measured.isZero() ? 0 : energy / NoiseExposure.seconds(measured);
    double withGaps = energy + meanIntensity * NoiseExposure.seconds(gapTotal);
    return new ExposureSummary(day, NoiseExposure.lex8h(energy), NoiseExposure.doseRatio(energy), measured,
        gapTotal, java.util.List.copyOf(gaps), NoiseExposure.lex8h(withGaps), peakDbc);
  }
}
