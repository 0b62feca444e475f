package io.callflow.headset.fault;

import io.callflow.headset.health.HealthState;
import java.time.Instant;
import java.util.List;

/**
 * An agent's headset changed health state. When {@code to} is FAULT and the agent is in a
 * call, ops prompts the agent with the troubleshooting text of {@code activeFaults}
 * (procedure 4.3 b, e).
 */
public record HealthChange(Instant at, String agentId, String site, String seat, String deviceId,
    HealthState from, HealthState to, List<Fault> activeFaults) {

  public HealthChange {
    activeFaults = List.copyOf(activeFaults);
  }
}
