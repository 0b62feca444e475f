package io.callflow.ops.wiring;

import io.callflow.core.flow.CallOutcome;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Call metrics read from the records the engine writes, so core needs no metrics library:
 * <ul>
 *   <li>{@code callflow_calls_active}: calls whose last state change did not lead to ENDED;
 *   <li>{@code callflow_calls_ended_total{outcome}}: one per compliance summary;
 *   <li>{@code callflow_call_steps_total{step,result}}: {@code completed} per completed
 *       regulated step, {@code skipped} and {@code not_reached} from each summary;
 *   <li>{@code callflow_drops_total}: calls that entered DROPPED (a leg lost, clause 3.3 c),
 *       which the {@code CallflowDropsHigh} alert rule watches.
 * </ul>
 * Labels are bounded enums: never a call id.
 */
public final class CallMetrics implements Consumer<CallRecord> {

  private final MeterRegistry registry;
  private final Set<CallId> active = ConcurrentHashMap.newKeySet();
  private final Counter drops;
  /**
   * Counters by outcome and by result and step, registered on first use and then found by enum
   * (identity hash, no label string built): a call ends hundreds of times a second.
   */
  private final Map<CallOutcome, Counter> ended = new ConcurrentHashMap<>();
  private final Map<StepResult, Map<CallState, Counter>> steps = new EnumMap<>(Map.of(
      StepResult.COMPLETED, new ConcurrentHashMap<>(),
      StepResult.SKIPPED, new ConcurrentHashMap<>(),
      StepResult.NOT_REACHED, new ConcurrentHashMap<>()));

  public CallMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("callflow_calls_active", active, Set::size)
        .description("Calls in progress (not ended), recovered ones included")
        .register(registry);
    drops = Counter.builder("callflow_drops")
        .description("Calls dropped: a leg was lost and the reconnect procedure started")
        .register(registry);
  }

  @Override
  public void accept(CallRecord record) {
    if (record instanceof CallRecord.StateChanged change) {
      if (change.to() == CallState.DROPPED) {
        drops.increment();
      }
      if (change.to() == CallState.ENDED) {
        active.remove(change.callId());
      } else {
        active.add(change.callId());
      }
    } else if (record instanceof CallRecord.StepCompleted step) {
      step(step.step(), StepResult.COMPLETED);
    } else if (record instanceof CallRecord.ComplianceSummary summary) {
      summarised(summary);
    }
  }

  /**
   * Counts a summary. Only the engine's own summaries arrive here, always complete; the null
   * checks are for a summary read back from a row stored before it carried these values, which
   * must not throw: this runs before the record is stored.
   */
  private void summarised(CallRecord.ComplianceSummary summary) {
    if (summary.outcome() != null) {
      ended.computeIfAbsent(summary.outcome(), outcome -> Counter.builder("callflow_calls_ended")
          .description("Calls ended, by outcome (from the compliance summary)")
          .tag("outcome", outcome.name())
          .register(registry))
          .increment();
    }
    if (summary.skipped() != null) {
      summary.skipped().forEach(step -> step(step, StepResult.SKIPPED));
    }
    if (summary.notReached() != null) {
      summary.notReached().forEach(step -> step(step, StepResult.NOT_REACHED));
    }
  }

  private void step(CallState step, StepResult result) {
    steps.get(result).computeIfAbsent(step, key -> Counter.builder("callflow_call_steps")
        .description("Regulated steps per call by result: completed, skipped or not_reached")
        .tag("step", step.name())
        .tag("result", result.label)
        .register(registry))
        .increment();
  }

  private enum StepResult {
    COMPLETED("completed"), SKIPPED("skipped"), NOT_REACHED("not_reached");

    private final String label;

    StepResult(String label) {
      this.label = label;
    }
  }
}
