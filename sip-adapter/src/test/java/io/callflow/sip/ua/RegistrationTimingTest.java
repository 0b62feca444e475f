package io.callflow.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrationTimingTest {

  private static final Duration BASE = Duration.ofSeconds(30);
  private static final Duration MAX = Duration.ofSeconds(1800);
  /** The largest draw below 1: the top of the 50%–100% range. */
  private static final double TOP = Math.nextDown(1.0);

  @Test
  void longBindingIsRefreshedAtHalfItsLifetime() {
    assertThat(RegistrationTiming.refreshDelay(Duration.ofSeconds(3600))).hasSeconds(1800);
  }

  @Test
  void shortBindingIsRefreshedTimerFBeforeExpiry() {
    assertThat(RegistrationTiming.refreshDelay(Duration.ofSeconds(60))).hasSeconds(28);
    assertThat(RegistrationTiming.refreshDelay(Duration.ofSeconds(64))).hasSeconds(32);
  }

  @Test
  void tinyBindingIsStillRefreshedAfterOneSecondAtLeast() {
    assertThat(RegistrationTiming.refreshDelay(Duration.ofSeconds(10))).hasSeconds(1);
  }

  @Test
  void backoffDoublesPerFailureUntilMaxTime() {
    assertThat(RegistrationTiming.backoff(1, BASE, MAX, TOP)).isEqualTo(Duration.ofSeconds(60));
    assertThat(RegistrationTiming.backoff(2, BASE, MAX, TOP)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RegistrationTiming.backoff(5, BASE, MAX, TOP)).isEqualTo(Duration.ofSeconds(960));
    assertThat(RegistrationTiming.backoff(6, BASE, MAX, TOP)).isEqualTo(MAX);
    assertThat(RegistrationTiming.backoff(10_000, BASE, MAX, TOP)).isEqualTo(MAX);
  }

  @Test
  void backoffIsDrawnBetweenHalfAndAllOfTheWaitTime() {
    assertThat(RegistrationTiming.backoff(1, BASE, MAX, 0.0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RegistrationTiming.backoff(1, BASE, MAX, 0.5)).isEqualTo(Duration.ofSeconds(45));
  }
}
