package io.callflow.sip.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** A real Prometheus registry so tests compare what a scrape shows. */
final class MetricsTestSupport {

  private MetricsTestSupport() {
  }

  static PrometheusMeterRegistry bound(MeterBinder binder) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    binder.bindTo(registry);
    return registry;
  }
}
