package io.callflow.headset.exposure;

import io.callflow.headset.config.MonitorSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Maps instants to working days: a day starts at the configured local time in the site's
 * zone, so with a 06:00 start, 05:59 still belongs to the day before.
 */
public final class WorkingDays {

  private final MonitorSettings.WorkingDay day;

  public WorkingDays(MonitorSettings.WorkingDay day) {
    this.day = day;
  }

  public LocalDate dayOf(Instant at) {
    ZonedDateTime local = at.atZone(day.zone());
    LocalDate date = local.toLocalDate();
    return local.toLocalTime().isBefore(day.start()) ? date.minusDays(1) : date;
  }

  public Instant startOf(LocalDate date) {
    return date.atTime(day.start()).atZone(day.zone()).toInstant();
  }
}
