package io.callflow.headset.metrics;

import io.callflow.headset.health.HealthState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * Each agent's headset health as one series per state, 1 for the current one:
 *
 * <pre>
 * callflow_headset_health{agent="a-1",state="ok"} 1.0
 * callflow_headset_health{agent="a-1",state="degraded"} 0.0
 * callflow_headset_health{agent="a-1",state="fault"} 0.0
 * callflow_headset_health{agent="a-1",state="disconnected"} 0.0
 * </pre>
 *
 * A state indicator has no physical unit; the base unit is the name's last word so that the
 * Prometheus name stays {@code callflow_headset_health} as the architecture names it.
 */
public final class HeadsetHealthMetrics extends AgentSeriesBinder {

  @Override
  List<Meter> register(String agentId, AgentReadings source, MeterRegistry target) {
    List<Meter> meters = new ArrayList<>();
    for (HealthState state : HealthState.values()) {
      meters.add(Gauge.builder("callflow.headset.health", source, r -> r.state == state ? 1 : 0)
          .tags(Tags.of("agent", agentId, "state", state.label())).baseUnit("health")
          .description("1 for the headset's current health state, 0 for the others").register(target));
    }
    return meters;
  }
}
