package io.callflow.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.time.ManualScheduler;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {

  private final ManualScheduler scheduler = new ManualScheduler();

  private static InetAddress ip(int n) throws Exception {
    return InetAddress.getByAddress(new byte[] {10, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
  }

  @Test
  void bucketAllowsItsBurstThenOneRequestPerRefilledToken() throws Exception {
    SourceRateLimiter limiter = new SourceRateLimiter(new RateLimitSettings(10, 5, 16, true),
        scheduler.clock());
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(ip(1))).isTrue();
    }
    assertThat(limiter.tryAcquire(ip(1))).isFalse();
    scheduler.advance(Duration.ofMillis(99));
    assertThat(limiter.tryAcquire(ip(1))).isFalse();
    scheduler.advance(Duration.ofMillis(1));
    assertThat(limiter.tryAcquire(ip(1))).isTrue();
  }

  @Test
  void refillNeverExceedsTheBurst() throws Exception {
    SourceRateLimiter limiter = new SourceRateLimiter(new RateLimitSettings(10, 2, 16, true),
        scheduler.clock());
    limiter.tryAcquire(ip(1));
    scheduler.advance(Duration.ofHours(1));
    assertThat(limiter.tryAcquire(ip(1))).isTrue();
    assertThat(limiter.tryAcquire(ip(1))).isTrue();
    assertThat(limiter.tryAcquire(ip(1))).isFalse();
  }

  @Test
  void sourcesHaveTheirOwnBuckets() throws Exception {
    SourceRateLimiter limiter = new SourceRateLimiter(new RateLimitSettings(1, 1, 16, true),
        scheduler.clock());
    assertThat(limiter.tryAcquire(ip(1))).isTrue();
    assertThat(limiter.tryAcquire(ip(1))).isFalse();
    assertThat(limiter.tryAcquire(ip(2))).isTrue();
  }

  @Test
  void manySpoofedSourcesNeverGrowTheMapPastItsBoundAndTheOldestIsForgotten() throws Exception {
    SourceRateLimiter limiter = new SourceRateLimiter(new RateLimitSettings(1, 1, 16, true),
        scheduler.clock());
    assertThat(limiter.tryAcquire(ip(0))).isTrue();
    for (int n = 1; n <= 100_000; n++) {
      limiter.tryAcquire(ip(n));
    }
    assertThat(limiter.trackedSources()).isEqualTo(16);
    assertThat(limiter.tryAcquire(ip(0))).as("forgotten source starts with a full bucket").isTrue();
    assertThat(limiter.tryAcquire(ip(100_000))).as("recent source still limited").isFalse();
  }

  @Test
  void settingsOutOfRangeNameTheKeyAndTheRange() {
    assertThatThrownBy(() -> new RateLimitSettings(0, 1, 16, true))
        .hasMessageStartingWith("sip.edge.rateLimit.requestsPerSecond must be 0.01 to");
    assertThatThrownBy(() -> new RateLimitSettings(Double.NaN, 1, 16, true))
        .hasMessageStartingWith("sip.edge.rateLimit.requestsPerSecond");
    assertThatThrownBy(() -> new RateLimitSettings(1, 0, 16, true))
        .hasMessageStartingWith("sip.edge.rateLimit.burst must be 1 to");
    assertThatThrownBy(() -> new RateLimitSettings(1, 1, 15, true))
        .hasMessageStartingWith("sip.edge.rateLimit.maxTrackedSources must be 16 to");
  }
}
