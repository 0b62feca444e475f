package io.callflow.core.flow;

import io.callflow.core.model.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one call did, step by step: how often each state was entered, how often each step
 * was completed, the time spent in each, and the agent's deviations. The data behind the
 * compliance summary; it knows nothing of events or effects.
 */
final class StepHistory {

  private final Map<CallState, Visits> visits = new EnumMap<>(CallState.class);
  private final List<Deviation> deviations = new ArrayList<>(2);
  private CallState current;
  private Instant currentSince;
  private int furthest = -1;

  /** Leaves the current state (if any) and enters {@code state} at {@code at}. */
  void enter(CallState state, Instant at, boolean outOfOrder) {
    leaveCurrent(at);
    Visits entry = visits.computeIfAbsent(state, s -> new Visits());
    entry.entered++;
    entry.outOfOrder |= outOfOrder;
    entry.lastEntered = at;
    current = state;
    currentSince = at;
    if (CallTransitions.CONNECTED_STEPS.contains(state)) {
      furthest = Math.max(furthest, CallTransitions.position(state));
    }
  }

  /** The agent ended the call on purpose: every step before ENDED counts as gone past. */
  void reachedEnd() {
    furthest = CallTransitions.position(CallState.ENDED);
  }

  /** Marks {@code step} completed; returns when it was last entered. */
  Instant complete(CallState step) {
    Visits entry = visits.get(step);
    entry.completed++;
    return entry.lastEntered;
  }

  void deviate(Deviation deviation) {
    deviations.add(deviation);
  }

  ComplianceReport report(CallId callId, CallOutcome outcome,
      boolean recovered, Instant startedAt, Instant endedAt) {
    leaveCurrent(endedAt);
    List<CallState> done = new ArrayList<>();
    List<CallState> skipped = new ArrayList<>();
    List<CallState> notReached = new ArrayList<>();
    for (CallState step : CallTransitions.REGULATED_ORDER) {
      if (!CallTransitions.CONNECTED_STEPS.contains(step)) {
        continue;
      }
      Visits entry = visits.get(step);
      if (entry != null && entry.completed > 0) {
        done.add(step);
      } else if (CallTransitions.position(step) < furthest) {
        skipped.add(step);
      } else {
        notReached.add(step);
      }
    }
    List<CallState> repeated = new ArrayList<>();
    List<CallState> outOfOrder = new ArrayList<>();
    Map<CallState, Duration> time = new EnumMap<>(CallState.class);
    visits.forEach((state, entry) -> {
      if (entry.entered > 1) {
        repeated.add(state);
      }
      if (entry.outOfOrder) {
        outOfOrder.add(state);
      }
      time.put(state, Duration.ofMillis(entry.millis));
    });
    return new ComplianceReport(callId, outcome, recovered, startedAt, endedAt, done, skipped,
        notReached, repeated, outOfOrder, deviations, time);
  }

  private void leaveCurrent(Instant at) {
    if (current != null) {
      visits.get(current).millis += Math.max(0, at.toEpochMilli() - currentSince.toEpochMilli());
      currentSince = at;
    }
  }

  private static final class Visits {
    int entered;
    int completed;
    long millis;
    boolean outOfOrder;
    Instant lastEntered;
  }
}
