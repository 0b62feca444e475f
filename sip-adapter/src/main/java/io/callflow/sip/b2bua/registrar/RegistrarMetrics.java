package io.callflow.sip.b2bua.registrar;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The registrar's meters. Every outcome's counter exists from the start, so a rate query
 * sees zero rather than nothing. Exposition:
 *
 * <pre>
 * # HELP callflow_registrar_agents Agents with at least one registered phone binding
 * # TYPE callflow_registrar_agents gauge
 * callflow_registrar_agents 3.0
 * # HELP callflow_registrar_registrations_total REGISTER requests answered, by outcome
 * # TYPE callflow_registrar_registrations_total counter
 * callflow_registrar_registrations_total{outcome="bound"} 12.0
 * callflow_registrar_registrations_total{outcome="challenged"} 12.0
 * </pre>
 */
final class RegistrarMetrics {

  private final Map<RegistrationOutcome, Counter> outcomes = new EnumMap<>(RegistrationOutcome.class);

  RegistrarMetrics(MeterRegistry registry, IntSupplier registeredAgents) {
    Gauge.builder("callflow.registrar.agents", registeredAgents, supplier -> supplier.getAsInt())
        .strongReference(true)
        .description("Agents with at least one registered phone binding")
        .register(registry);
    for (RegistrationOutcome outcome : RegistrationOutcome.values()) {
      outcomes.put(outcome, Counter.builder("callflow.registrar.registrations")
          .description("REGISTER requests answered, by outcome")
          .tag("outcome", outcome.label())
          .register(registry));
    }
  }

  void count(RegistrationOutcome outcome) {
    outcomes.get(outcome).increment();
  }
}
