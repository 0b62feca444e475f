package io.callflow.sip.b2bua;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The wait before retrying a re-INVITE that got 491 Request Pending (RFC 3261 §14.1), used
 * when a re-bridge collides with the peer's own re-INVITE. The side that generated the
 * dialog's Call-ID waits 2.1 to 4 s, the other side 0 to 2 s, both in 10 ms units, so the
 * two retries are unlikely to collide again. The random source is injected so tests can
 * pin it; production passes a {@link java.security.SecureRandom} or a splittable generator.
 */
public final class GlareBackoff {

  /** RFC 3261 §14.1: the delay unit. */
  static final int UNIT_MILLIS = 10;
  /** RFC 3261 §14.1: Call-ID owner waits 2.1..4 s. */
  static final int OWNER_MIN_UNITS = 210;
  static final int OWNER_MAX_UNITS = 400;
  /** RFC 3261 §14.1: the other side waits 0..2 s. */
  static final int OTHER_MAX_UNITS = 200;

  private final RandomGenerator random;

  public GlareBackoff(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A fresh random delay; {@code ownsCallId} is true when this side generated the dialog's Call-ID. */
  public Duration delay(boolean ownsCallId) {
    int units = ownsCallId
        ? OWNER_MIN_UNITS + random.nextInt(OWNER_MAX_UNITS - OWNER_MIN_UNITS + 1)
        : random.nextInt(OTHER_MAX_UNITS + 1);
    return Duration.ofMillis((long) units * UNIT_MILLIS);
  }

  /** Schedules {@code retry} after {@link #delay(boolean)}; the returned task cancels it. */
  public ScheduledTask scheduleRetry(Scheduler scheduler, boolean ownsCallId, Runnable retry) {
    return scheduler.schedule(delay(ownsCallId), retry);
  }
}
