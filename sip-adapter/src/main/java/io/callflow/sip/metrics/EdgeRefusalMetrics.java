package io.callflow.sip.metrics;

import io.callflow.sip.edge.RefusalCounter;
import io.callflow.sip.edge.RefusalReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Requests the edge refused, by reason. Exposition:
 *
 * <pre>
 * # HELP callflow_sip_refused_requests_total Requests refused at the edge before any transaction
 * # TYPE callflow_sip_refused_requests_total counter
 * callflow_sip_refused_requests_total{reason="method_not_allowed"} 0.0
 * callflow_sip_refused_requests_total{reason="rate_limited"} 0.0
 * callflow_sip_refused_requests_total{reason="source_not_allowed"} 1.0
 * </pre>
 */
public final class EdgeRefusalMetrics implements MeterBinder {

  private final RefusalCounter refusals;

  public EdgeRefusalMetrics(RefusalCounter refusals) {
    this.refusals = refusals;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (RefusalReason reason : RefusalReason.values()) {
      FunctionCounter.builder("callflow.sip.refused.requests", refusals,
              counter -> counter.count(reason))
          .description("Requests refused at the edge before any transaction")
          .baseUnit("requests")
          .tag("reason", reason.label())
          .register(registry);
    }
  }
}
