package io.callflow.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

  private static final Duration MS = Duration.ofMillis(1);

  @Test
  void defaultsAreValid() {
    StoreSettings defaults = StoreSettings.defaults();
    assertThat(defaults.maxBatchSize()).isLessThanOrEqualTo(defaults.queueCapacity());
  }

  @Test
  void aQueueCapacityBelowOneNamesTheKeyAndRange() {
    assertThatThrownBy(() -> new StoreSettings(0, 1, MS, MS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("store.queue-capacity must be between 1 and 1000000, was 0");
  }

  @Test
  void aBatchLargerThanTheQueueNamesTheKeyAndRange() {
    assertThatThrownBy(() -> new StoreSettings(100, 101, MS, MS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("store.max-batch-size must be between 1 and 100, was 101");
  }

  @Test
  void aNegativeBatchDelayNamesTheKeyAndRange() {
    assertThatThrownBy(() -> new StoreSettings(100, 10, Duration.ofMillis(-1), MS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("store.max-batch-delay must be between 0 ms and 1000 ms, was -1 ms");
  }

  @Test
  void anOfferTimeoutOverTenSecondsNamesTheKeyAndRange() {
    assertThatThrownBy(() -> new StoreSettings(100, 10, MS, Duration.ofSeconds(11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("store.offer-timeout must be between 0 ms and 10000 ms, was 11000 ms");
  }

  @Test
  void aMissingDurationNamesTheKey() {
    assertThatThrownBy(() -> new StoreSettings(100, 10, null, MS))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("store.max-batch-delay");
  }
}
