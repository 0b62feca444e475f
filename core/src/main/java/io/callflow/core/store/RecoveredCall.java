package io.callflow.core.store;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import java.time.Instant;
import java.util.Map;

/**
 * A call that was in progress when the service stopped: its last state, the regulated step
 * it should resume at, and the newest snapshot of each leg that had one.
 */
public record RecoveredCall(CallId callId, CallState state, CallState resumeStep,
    Map<Leg, byte[]> legSnapshots, Instant lastChange) {

  public RecoveredCall {
    legSnapshots = Map.copyOf(legSnapshots);
  }
}
