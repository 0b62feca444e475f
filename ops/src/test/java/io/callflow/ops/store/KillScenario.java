package io.callflow.ops.store;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecord.InfoCollected;
import io.callflow.core.store.CallRecord.LegSnapshot;
import io.callflow.core.store.CallRecord.StateChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The records {@link StoreKillWriter} appends, derived from (call, step, part) alone, so the
 * test that kills the writer can rebuild every record the writer reported as acknowledged.
 * Each step of a call appends a state change, a piece of information and a leg snapshot.
 */
final class KillScenario {

  static final int CALLS = 4;
  static final int PARTS = 3;

  /** The states a call cycles through; it never ends, so every call stays in progress. */
  private static final CallState[] STATES = {CallState.RINGING, CallState.ANSWERED,
      CallState.GREETING, CallState.COLLECTING_INFO, CallState.DROPPED, CallState.RECONNECTING,
      CallState.RESOLVING, CallState.CONSULTING, CallState.CONFIRMING, CallState.CLOSING};
  /** The resume step each transition into {@code STATES[i]} carries, or null for a regulated step. */
  private static final CallState[] RESUME = {null, null, null, null, CallState.COLLECTING_INFO,
      CallState.COLLECTING_INFO, null, CallState.RESOLVING, null, null};
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private KillScenario() {}

  static CallId call(int call) {
    return new CallId("kill-" + call);
  }

  static CallRecord record(int call, long step, int part) {
    Instant at = T0.plusMillis(step);
    switch (part) {
      case 0:
        return new StateChanged(call(call), at, step == 0 ? null : state(step - 1), state(step),
            "step=" + step, RESUME[index(step)], null);
      case 1:
        return new InfoCollected(call(call), at, "step", Long.toString(step));
      case 2:
        return new LegSnapshot(call(call), at, step % 2 == 0 ? Leg.CUSTOMER : Leg.AGENT,
            ("call " + call + " step " + step).getBytes(StandardCharsets.UTF_8));
      default:
        throw new IllegalArgumentException("part must be 0 to " + (PARTS - 1) + ", was " + part);
    }
  }

  /** The step a state change of this scenario was made at. */
  static long step(StateChanged change) {
    return Long.parseLong(change.event().substring("step=".length()));
  }

  static CallState state(long step) {
    return STATES[index(step)];
  }

  /** Where a call whose last transition was made at {@code step} resumes. */
  static CallState resumeStep(long step) {
    CallState resume = RESUME[index(step)];
    return resume != null ? resume : state(step);
  }

  private static int index(long step) {
    return (int) (step % STATES.length);
  }
}
