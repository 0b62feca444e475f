package io.callflow.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

  @Test
  void defaultsBeatWellWithinTheIdleTimeout() {
    ConsoleSettings defaults = ConsoleSettings.defaults();

    assertThat(defaults.queueCapacity()).isEqualTo(256);
    assertThat(defaults.idleTimeout()).isGreaterThanOrEqualTo(defaults.heartbeatInterval().multipliedBy(2));
  }

  @Test
  void outOfRangeValuesNameTheirKeyAndTheValidRange() {
    assertThatThrownBy(() -> ConsoleSettings.defaults().withQueueCapacity(0))
        .hasMessage("console.queueCapacity: must be between 1 and 100000, was 0");
    assertThatThrownBy(() -> new ConsoleSettings(10, Duration.ofMillis(500), Duration.ofSeconds(20)))
        .hasMessageStartingWith("console.heartbeatInterval: must be between 1s and 1m");
    assertThatThrownBy(() -> new ConsoleSettings(10, Duration.ofSeconds(5), Duration.ofSeconds(9)))
        .hasMessageStartingWith("console.idleTimeout: must be between twice console.heartbeatInterval");
  }
}
