package io.callflow.headset.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callflow.headset.config.MonitorSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyExposureTest {

  private final WorkingDays days = new WorkingDays(
      new MonitorSettings.WorkingDay(LocalTime.of(6, 0), ZoneId.of("Europe/Berlin")));

  private DailyExposure exposure() {
    return new DailyExposure(days, Duration.ofSeconds(30));
  }

  @Test
  void theWorkingDayStartsAtTheConfiguredLocalTime() {
    // 04:59 UTC is 05:59 in Berlin in January: still the previous working day.
    assertThat(days.dayOf(Instant.parse("2026-01-06T04:59:00Z"))).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(days.dayOf(Instant.parse("2026-01-06T05:00:00Z"))).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(days.startOf(LocalDate.of(2026, 7, 1))).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
  }

  @Test
  void continuousSamplesAddUpToTheDailyExposure() {
    DailyExposure exposure = exposure();
    Instant start = Instant.parse("2026-01-05T08:00:00Z");
    for (int i = 0; i < 8 * 60; i++) {
      exposure.add(start.plus(Duration.ofMinutes(i)), Duration.ofMinutes(1), 85.0, null);
    }
    ExposureSummary day = exposure.summary();
    assertThat(day.lex8hDba()).isCloseTo(85.0, within(1e-9));
    assertThat(day.doseRatio()).isCloseTo(1.0, within(1e-9));
    assertThat(day.gaps()).isEmpty();
    assertThat(day.band()).isEqualTo(ExposureBand.UPPER_ACTION);
  }

  @Test
  void aTelemetryGapIsReportedAsAGapNotAsSilence() {
    DailyExposure exposure = exposure();
    Instant nine = Instant.parse("2026-01-05T08:00:00Z");
    exposure.add(nine, Duration.ofHours(1), 85.0, null);
    exposure.add(nine.plus(Duration.ofHours(3)), Duration.ofHours(1), 85.0, null);
    ExposureSummary day = exposure.summary();
    assertThat(day.gaps()).containsExactly(new ExposureSummary.Gap(nine.plus(Duration.ofHours(1)),
        nine.plus(Duration.ofHours(3))));
    assertThat(day.gapTotal()).isEqualTo(Duration.ofHours(2));
    assertThat(day.measured()).isEqualTo(Duration.ofHours(2));
    // Measured only: 2 h at 85 = 85 - 6.02 = 78.98; gaps at the mean level: 4 h at 85 = 81.99.
    assertThat(day.lex8hDba()).isCloseTo(78.98, within(0.005));
    assertThat(day.lex8hGapsAtMeanDba()).isCloseTo(81.99, within(0.005));
  }

  @Test
  void anUnpluggedPeriodIsCoveredTimeWithoutExposure() {
    DailyExposure exposure = exposure();
    Instant nine = Instant.parse("2026-01-05T08:00:00Z");
    exposure.add(nine, Duration.ofHours(1), 85.0, null);
    exposure.add(nine.plus(Duration.ofHours(1)), Duration.ofHours(1), null, null);
    exposure.add(nine.plus(Duration.ofHours(2)), Duration.ofHours(1), 85.0, null);
    assertThat(exposure.summary().gaps()).isEmpty();
    assertThat(exposure.summary().measured()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aPeriodAcrossTheDayBoundaryIsSplitAndTheNewDayStartsFromZero() {
    DailyExposure exposure = exposure();
    // 04:30 to 05:30 UTC = 05:30 to 06:30 Berlin: half before the 06:00 boundary, half after.
    exposure.add(Instant.parse("2026-01-06T04:30:00Z"), Duration.ofHours(1), 85.0, 120.0);
    ExposureSummary day = exposure.summary();
    assertThat(day.day()).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(day.measured()).isEqualTo(Duration.ofMinutes(30));
    assertThat(day.peakDbc()).isEqualTo(120.0);
  }
}
