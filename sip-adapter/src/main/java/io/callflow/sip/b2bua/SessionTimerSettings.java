package io.callflow.sip.b2bua;

/**
 * Session timer settings (config {@code b2bua.session-timer.*}, RFC 4028).
 *
 * @param sessionExpiresSeconds {@code session-expires}: the interval asked for and the most
 *     accepted, {@code min-se}..86400, default 1800 (RFC 4028 §4 recommends 1800)
 * @param minSeSeconds {@code min-se}: the smallest interval accepted, 90..86400, default 90
 *     (RFC 4028 §4: never below 90)
 */
public record SessionTimerSettings(long sessionExpiresSeconds, long minSeSeconds) {

  /** A day: longer intervals would leave a dead call up for too long. */
  public static final long MAX_SECONDS = 86_400;

  public SessionTimerSettings {
    if (minSeSeconds < MinSe.FLOOR_SECONDS || minSeSeconds > MAX_SECONDS) {
      throw new IllegalArgumentException("b2bua.session-timer.min-se: " + minSeSeconds
          + " is out of range; use " + MinSe.FLOOR_SECONDS + ".." + MAX_SECONDS + " seconds (RFC 4028 §4)");
    }
    if (sessionExpiresSeconds < minSeSeconds || sessionExpiresSeconds > MAX_SECONDS) {
      throw new IllegalArgumentException("b2bua.session-timer.session-expires: " + sessionExpiresSeconds
          + " is out of range; use min-se (" + minSeSeconds + ").." + MAX_SECONDS + " seconds");
    }
  }

  public static SessionTimerSettings defaults() {
    return new SessionTimerSettings(1800, MinSe.FLOOR_SECONDS);
  }
}
