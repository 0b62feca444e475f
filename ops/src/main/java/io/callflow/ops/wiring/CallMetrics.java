package io.callflow.ops.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger log = LoggerFactory.getLogger(CallMetrics.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MeterRegistry registry;
  private final Set<CallId> active = ConcurrentHashMap.newKeySet();
  private final Counter drops;
  /** Counters by outcome and by step + result, looked up once: a call ends several a second. */
  private final Map<String, Counter> ended = new ConcurrentHashMap<>();
  private final Map<String, Counter> steps = new ConcurrentHashMap<>();

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
      step(step.step().name(), "completed");
    } else if (record instanceof CallRecord.ComplianceSummary summary) {
      summarised(summary);
    }
  }

  private void summarised(CallRecord.ComplianceSummary summary) {
    JsonNode json;
    try {
      json = JSON.readTree(summary.json());
    } catch (java.io.IOException e) {
      log.warn("call {}: compliance summary is not JSON, not counted: {}", summary.callId(),
          e.getMessage());
      return;
    }
    ended.computeIfAbsent(json.path("outcome").asText("UNKNOWN"), outcome -> Counter.builder("callflow_calls_ended")
        .description("Calls ended, by outcome (from the compliance summary)")
        .tag("outcome", outcome)
        .register(registry))
        .increment();
    json.path("skipped").forEach(step -> step(step.asText(), "skipped"));
    json.path("notReached").forEach(step -> step(step.asText(), "not_reached"));
  }

  private void step(String step, String result) {
    steps.computeIfAbsent(step + ' ' + result, key -> Counter.builder("callflow_call_steps")
        .description("Regulated steps per call by result: completed, skipped or not_reached")
        .tag("step", step)
        .tag("result", result)
        .register(registry))
        .increment();
  }
}
