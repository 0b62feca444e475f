package io.callflow.sip.ua;

import java.time.Duration;

/**
 * OPTIONS keep-alive (config {@code sip.keepAlive.*}).
 *
 * @param interval time between probes of one peer, 1 s to 1 h; default 30 s
 * @param timeout how long a probe may go unanswered before it counts as a timeout, 100 ms to
 *     the interval; default 5 s. Shorter than Timer F (32 s) on purpose: a line is judged faster
 *     than a transaction gives up.
 * @param failureThreshold consecutive failed probes that take a line down, 1 to 100; default 3
 */
public record KeepAliveSettings(Duration interval, Duration timeout, int failureThreshold) {

  public KeepAliveSettings {
    RegistrationSettings.requireRange("sip.keepAlive.interval", interval, Duration.ofSeconds(1),
        Duration.ofHours(1));
    RegistrationSettings.requireRange("sip.keepAlive.timeout", timeout, Duration.ofMillis(100),
        interval);
    if (failureThreshold < 1 || failureThreshold > 100) {
      throw new IllegalArgumentException(
          "sip.keepAlive.failureThreshold must be 1 to 100, was " + failureThreshold);
    }
  }

  public static KeepAliveSettings defaults() {
    return new KeepAliveSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 3);
  }
}
