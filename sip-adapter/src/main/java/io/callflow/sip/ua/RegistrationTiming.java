package io.callflow.sip.ua;

import java.time.Duration;

/**
 * When to refresh a binding and how long to wait after a failure.
 *
 * <p>Refresh: RFC 3261 §10.2.4 leaves the moment to the UA. We refresh at half the granted
 * lifetime, so a failed refresh still leaves half of it for back-off retries, but never later
 * than {@link #TIMER_F} before expiry, so even a refresh whose transaction runs to Timer F
 * (64·T1, RFC 3261 §17.1.2.2) ends before the binding lapses; and never sooner than one second.
 *
 * <p>Back-off: RFC 5626 §4.5, {@code wait-time = min(max-time, base-time · 2^consecutive-failures)},
 * then a uniformly random time between 50% and 100% of it, so a fleet restarted together does
 * not retry in step.
 */
public final class RegistrationTiming {

  /** 64·T1 with T1 = 500 ms (RFC 3261 §17.1.2.2, Table 4). */
  public static final Duration TIMER_F = Duration.ofSeconds(32);
  private static final Duration MIN_REFRESH = Duration.ofSeconds(1);
  /** 2^20 · base exceeds any max-time we accept; stop doubling there to avoid overflow. */
  private static final int MAX_EXPONENT = 20;

  private RegistrationTiming() {
  }

  /** Delay from a successful registration to its refresh. */
  public static Duration refreshDelay(Duration granted) {
    Duration half = granted.dividedBy(2);
    Duration beforeTimerF = granted.minus(TIMER_F);
    Duration delay = half.compareTo(beforeTimerF) <= 0 ? half : beforeTimerF;
    return delay.compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : delay;
  }

  /**
   * Delay before the next attempt after {@code consecutiveFailures} (1 or more) failures.
   *
   * @param random01 a uniform draw from [0, 1); picks the point between 50% and 100%
   */
  public static Duration backoff(int consecutiveFailures, Duration base, Duration max,
      double random01) {
    int exponent = Math.max(0, Math.min(consecutiveFailures, MAX_EXPONENT));
    long waitMillis = Math.min(max.toMillis(), base.toMillis() << exponent);
    return Duration.ofMillis(Math.round(waitMillis * (0.5 + 0.5 * random01)));
  }
}
