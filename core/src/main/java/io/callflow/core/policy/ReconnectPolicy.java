package io.callflow.core.policy;

import io.callflow.core.model.PhoneNumber;
import java.time.Duration;
import java.util.List;

/**
 * How a dropped call is reconnected (PROCEDURE.md 3.3 c: "reconnect at once").
 *
 * @param attempts {@code reconnect.attempts}, 1 to 10, default 3
 * @param delays {@code reconnect.delays}: wait before attempt n is {@code delays[n-1]}, the last
 *     entry repeating; each 0 to 5 minutes; default 0s, 5s, 15s
 * @param attemptTimeout {@code reconnect.attempt-timeout}: how long one attempt may ring,
 *     1 s to 2 minutes, default 30 s
 * @param target {@code reconnect.target}: which leg to dial, default DROPPED_LEG
 * @param callerId {@code reconnect.caller-id}: the number to present, or null for the
 *     service's default identity
 */
public record ReconnectPolicy(int attempts, List<Duration> delays, Duration attemptTimeout,
    ReconnectTarget target, String callerId) {

  public ReconnectPolicy {
    SettingCheck.range("reconnect.attempts", attempts, 1, 10);
    SettingCheck.notNull("reconnect.delays", delays);
    if (delays.isEmpty()) {
      throw new IllegalArgumentException("reconnect.delays: must list at least one delay");
    }
    for (Duration delay : delays) {
      SettingCheck.range("reconnect.delays", delay, Duration.ZERO, Duration.ofMinutes(5));
    }
    delays = List.copyOf(delays);
    SettingCheck.range("reconnect.attempt-timeout", attemptTimeout, Duration.ofSeconds(1),
        Duration.ofMinutes(2));
    SettingCheck.notNull("reconnect.target", target);
    if (callerId != null) {
      try {
        PhoneNumber.parse(callerId);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("reconnect.caller-id: " + e.getMessage(), e);
      }
    }
  }

  public static ReconnectPolicy defaults() {
    return new ReconnectPolicy(3, List.of(Duration.ZERO, Duration.ofSeconds(5),
        Duration.ofSeconds(15)), Duration.ofSeconds(30), ReconnectTarget.DROPPED_LEG, null);
  }

  /** The wait before attempt {@code attempt} (1-based). */
  public Duration delayBefore(int attempt) {
    return delays.get(Math.min(attempt, delays.size()) - 1);
  }
}
