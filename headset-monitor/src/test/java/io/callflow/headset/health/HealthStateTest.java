package io.callflow.headset.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.fault.FaultStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthStateTest {

  @Test
  void noStateListsItselfAsATransition() {
    for (HealthState state : HealthState.values()) {
      assertThat(state.canMoveTo(state)).as(state.name()).isFalse();
    }
  }

  @Test
  void aFreshDeviceStartsDisconnectedAndComesUpWithItsFirstConnectedSample() {
    DeviceHealth health = new DeviceHealth("a-1", MonitorSettings.defaults());
    assertThat(health.state()).isEqualTo(HealthState.DISCONNECTED);
    health.connection(true, Instant.parse("2026-01-05T09:00:00Z"));
    assertThat(health.moveTo(health.assess(false))).isEqualTo(HealthState.DISCONNECTED);
    assertThat(health.state()).isEqualTo(HealthState.OK);
    assertThat(health.moveTo(HealthState.OK)).as("no change").isNull();
  }

  @Test
  void aClosedFaultCannotMoveAgain() {
    for (FaultStatus next : FaultStatus.values()) {
      assertThat(FaultStatus.CLOSED.canMoveTo(next)).isFalse();
    }
    assertThat(FaultStatus.ACKNOWLEDGED.canMoveTo(FaultStatus.OPEN)).isFalse();
    assertThat(FaultStatus.CLEARED.canMoveTo(FaultStatus.OPEN)).isTrue();
  }

  @Test
  void aStaleDeviceIsDisconnectedWhateverItsConditions() {
    DeviceHealth health = new DeviceHealth("a-1", MonitorSettings.defaults());
    health.connection(true, Instant.parse("2026-01-05T09:00:00Z"));
    health.observe(new Observation(FaultType.DISTORTION, Severity.FAULT, "x", true));
    assertThat(health.assess(false)).isEqualTo(HealthState.FAULT);
    assertThat(health.assess(true)).isEqualTo(HealthState.DISCONNECTED);
  }
}
