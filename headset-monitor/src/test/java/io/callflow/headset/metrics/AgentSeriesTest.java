package io.callflow.headset.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.headset.health.HealthState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class AgentSeriesTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HeadsetHealthMetrics health = new HeadsetHealthMetrics();
  private final HeadsetDeviceMetrics device = new HeadsetDeviceMetrics();

  @Test
  void anAgentsSeriesGoOnLogoutAndComeBackWhenTheAgentReportsAgain() {
    health.bindTo(registry);
    device.bindTo(registry);
    AgentReadings readings = new AgentReadings();
    readings.state = HealthState.DEGRADED;
    health.agentSeen("a-1", readings);
    device.agentSeen("a-1", readings);
    device.disconnected("a-1");
    assertThat(registry.get("callflow.headset.health").tag("agent", "a-1").tag("state", "degraded").gauge().value())
        .isEqualTo(1.0);
    assertThat(registry.get("callflow.headset.disconnects").tag("agent", "a-1").counter().count()).isEqualTo(1.0);

    health.agentGone("a-1");
    device.agentGone("a-1");
    assertThat(registry.find("callflow.headset.health").tag("agent", "a-1").meters()).isEmpty();
    assertThat(registry.getMeters()).isEmpty();

    health.agentSeen("a-1", new AgentReadings());
    device.agentSeen("a-1", new AgentReadings());
    assertThat(registry.get("callflow.headset.health").tag("agent", "a-1").tag("state", "disconnected").gauge().value())
        .isEqualTo(1.0);
    assertThat(registry.get("callflow.headset.disconnects").tag("agent", "a-1").counter().count()).isZero();
  }

  @Test
  void aBinderNotYetBoundRegistersNothing() {
    health.agentSeen("a-1", new AgentReadings());
    health.bindTo(registry);
    assertThat(registry.getMeters()).isEmpty();
  }
}
