package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class GlareBackoffTest {

  /** A generator that always draws the lowest or the highest value a bound allows. */
  private static RandomGenerator extreme(boolean highest) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public int nextInt(int bound) {
        return highest ? bound - 1 : 0;
      }
    };
  }

  @Test
  void callIdOwnerWaitsFrom2100To4000Millis() {
    assertThat(new GlareBackoff(extreme(false)).delay(true)).isEqualTo(Duration.ofMillis(2100));
    assertThat(new GlareBackoff(extreme(true)).delay(true)).isEqualTo(Duration.ofMillis(4000));
  }

  @Test
  void otherSideWaitsFrom0To2000Millis() {
    assertThat(new GlareBackoff(extreme(false)).delay(false)).isEqualTo(Duration.ZERO);
    assertThat(new GlareBackoff(extreme(true)).delay(false)).isEqualTo(Duration.ofMillis(2000));
  }

  @Test
  void delaysAreWholeTenMillisecondUnitsWithinRange() {
    GlareBackoff backoff = new GlareBackoff(new SplittableRandom(3261));
    for (int i = 0; i < 1000; i++) {
      long owner = backoff.delay(true).toMillis();
      long other = backoff.delay(false).toMillis();
      assertThat(owner).isBetween(2100L, 4000L);
      assertThat(other).isBetween(0L, 2000L);
      assertThat(owner % 10).isZero();
      assertThat(other % 10).isZero();
    }
  }

  @Test
  void retryRunsOnTheSchedulerAfterTheDelay() {
    ManualScheduler scheduler = new ManualScheduler();
    AtomicBoolean retried = new AtomicBoolean();
    new GlareBackoff(extreme(false)).scheduleRetry(scheduler, true, () -> retried.set(true));

    scheduler.advance(Duration.ofMillis(2090));
    assertThat(retried).isFalse();
    scheduler.advance(Duration.ofMillis(10));
    assertThat(retried).isTrue();
  }
}
