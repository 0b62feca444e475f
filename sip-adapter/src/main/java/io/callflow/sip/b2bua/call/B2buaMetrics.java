package io.callflow.sip.b2bua.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * <pre>
 * # HELP callflow_b2bua_calls_active Calls the B2BUA holds: ringing, bridged or dropped
 * # TYPE callflow_b2bua_calls_active gauge
 * callflow_b2bua_calls_active 0.0
 * # HELP callflow_b2bua_calls_total Calls through the B2BUA by how they ended
 * # TYPE callflow_b2bua_calls_total counter
 * callflow_b2bua_calls_total{outcome="completed"} 0.0
 * </pre>
 */
final class B2buaMetrics {

  /** Strong reference: the gauge only holds it weakly. */
  private final AtomicInteger active = new AtomicInteger();
  private final Map<CallOutcome, Counter> outcomes = new EnumMap<>(CallOutcome.class);

  B2buaMetrics(MeterRegistry registry) {
    Gauge.builder("callflow_b2bua_calls_active", active, AtomicInteger::get)
        .description("Calls the B2BUA holds: ringing, bridged or dropped")
        .register(registry);
    for (CallOutcome outcome : CallOutcome.values()) {
      outcomes.put(outcome, Counter.builder("callflow_b2bua_calls")
          .description("Calls through the B2BUA by how they ended")
          .baseUnit("calls")
          .tag("outcome", outcome.label())
          .register(registry));
    }
  }

  void started() {
    active.incrementAndGet();
  }

  void ended(CallOutcome outcome) {
    active.decrementAndGet();
    outcomes.get(outcome).increment();
  }

  void rejected() {
    outcomes.get(CallOutcome.REJECTED).increment();
  }

  int active() {
    return active.get();
  }
}
