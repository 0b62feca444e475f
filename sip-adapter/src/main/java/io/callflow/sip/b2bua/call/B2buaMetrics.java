package io.callflow.sip.b2bua.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
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
 * # HELP callflow_b2bua_calls_refused_total New calls refused before an agent was called, by why
 * # TYPE callflow_b2bua_calls_refused_total counter
 * callflow_b2bua_calls_refused_total{reason="overloaded"} 0.0
 * </pre>
 *
 * <p>Every refused call counts once in each: {@code outcome="rejected"} of the first, and the
 * reason in the second (a separate meter: Prometheus wants one set of labels per name).
 */
final class B2buaMetrics {

  /** Strong reference: the gauge only holds it weakly. */
  private final AtomicInteger active = new AtomicInteger();
  private final Map<CallOutcome, Counter> outcomes = new EnumMap<>(CallOutcome.class);
  private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);

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
    for (Refusal refusal : Refusal.values()) {
      // No base unit: Prometheus naming would append it (callflow_b2bua_calls_refused_calls_total).
      refusals.put(refusal, Counter.builder("callflow_b2bua_calls_refused")
          .description("New calls refused before an agent was called, by why")
          .tag("reason", refusal.label())
          .register(registry));
    }
  }

  /** Why a new call was refused. */
  enum Refusal {
    /** 503 with Retry-After: the whole service takes no new call (a backlogged record store). */
    OVERLOADED,
    /** 503 without Retry-After: {@code b2bua.maxCalls} calls are held already. */
    CAPACITY,
    /** 503 without Retry-After: the call's line is down. */
    LINE_DOWN,
    /** The INVITE itself was refused: Max-Forwards 0 or malformed, no or unusable SDP, a bad or too small Session-Expires. */
    SCREENED,
    /** 404: no queue for the Request-URI (registrar mode). */
    NO_ROUTE;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  void started() {
    active.incrementAndGet();
  }

  void ended(CallOutcome outcome) {
    active.decrementAndGet();
    outcomes.get(outcome).increment();
  }

  void rejected(Refusal why) {
    outcomes.get(CallOutcome.REJECTED).increment();
    refusals.get(why).increment();
  }

  int active() {
    return active.get();
  }
}
