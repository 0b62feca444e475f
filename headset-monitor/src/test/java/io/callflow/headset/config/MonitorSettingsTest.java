package io.callflow.headset.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class MonitorSettingsTest {

  @Test
  void defaultsAreValid() {
    MonitorSettings settings = MonitorSettings.defaults();
    assertThat(settings.timing().disconnectedAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.thresholds().mosFault()).isLessThan(settings.thresholds().mosDegraded());
  }

  @Test
  void aThresholdOutOfRangeNamesTheKeyAndTheRange() {
    assertThatThrownBy(() -> new MonitorSettings.Thresholds(55, 130, 3, 20, 3, 4, 3.6, 3.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("headset.thresholds.noiseFaultDba")
        .hasMessageContaining("between 20.0 and 120.0");
  }

  @Test
  void aFaultThresholdNotBelowItsDegradedThresholdIsRejected() {
    assertThatThrownBy(() -> new MonitorSettings.Thresholds(55, 65, 3, 20, 3, 4, 3.1, 3.6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("headset.thresholds.mosFault = 3.6 must be below headset.thresholds.mosDegraded = 3.1");
  }

  @Test
  void hysteresisCountsMustBePositive() {
    assertThatThrownBy(() -> new MonitorSettings.Hysteresis(0, 4))
        .hasMessageContaining("headset.hysteresis.raiseAfter = 0 is out of range: must be between 1 and 100");
  }

  @Test
  void disconnectedAfterOutsideItsRangeIsRejected() {
    assertThatThrownBy(() -> new MonitorSettings.Timing(Duration.ofSeconds(1), Duration.ofSeconds(15),
        Duration.ofSeconds(30), Duration.ofMinutes(5)))
        .hasMessageContaining("headset.timing.disconnectedAfter = PT1S is out of range: must be between PT5S and PT1H");
  }

  @Test
  void theWorkingDayNeedsAZone() {
    assertThatThrownBy(() -> new MonitorSettings.WorkingDay(LocalTime.of(6, 0), null))
        .hasMessageContaining("headset.day.zone is missing");
  }

  @Test
  void publishMaxExpiresMustNotBeBelowTheDefault() {
    assertThatThrownBy(() -> new MonitorSettings.Publish(Duration.ofHours(2), Duration.ofHours(1)))
        .hasMessageContaining("headset.publish.maxExpires");
  }
}
