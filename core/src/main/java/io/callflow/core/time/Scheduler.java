package io.callflow.core.time;

import java.time.Clock;
import java.time.Duration;

/**
 * The one source of time for the service: RFC 3261 timers, session timers, reconnect
 * delays, keep-alives and monitor runs all come from here, with millisecond resolution.
 * Production code runs on a real implementation; tests drive {@link ManualScheduler} by hand.
 */
public interface Scheduler {

  /** The clock that {@link #schedule} measures delays against. */
  Clock clock();

  /** Runs {@code task} once, {@code delay} from now. A zero or negative delay runs it as soon as possible. */
  ScheduledTask schedule(Duration delay, Runnable task);

  /** Milliseconds since the epoch, by {@link #clock()}. */
  default long nowMillis() {
    return clock().millis();
  }

  /**
   * Milliseconds on the same time line as {@link #schedule}'s delays, for keeping deadlines:
   * unlike {@link #nowMillis()} it does not jump when the wall clock is set. Only differences
   * between two readings mean anything. By default the clock's reading, for schedulers whose
   * clock is their time line (a manual one in tests).
   */
  default long elapsedMillis() {
    return nowMillis();
  }
}
