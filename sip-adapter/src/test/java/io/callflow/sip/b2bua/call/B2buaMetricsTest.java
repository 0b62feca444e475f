package io.callflow.sip.b2bua.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class B2buaMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final B2buaMetrics metrics = new B2buaMetrics(registry);

  private double refused(String reason) {
    return registry.get("callflow_b2bua_calls_refused").tag("reason", reason).counter().count();
  }

  @Test
  void aRefusedCallCountsAsRejectedAndUnderItsReason() {
    metrics.rejected(B2buaMetrics.Refusal.OVERLOADED);
    metrics.rejected(B2buaMetrics.Refusal.OVERLOADED);
    metrics.rejected(B2buaMetrics.Refusal.LINE_DOWN);

    assertThat(registry.get("callflow_b2bua_calls").tag("outcome", "rejected").counter().count()).isEqualTo(3.0);
    assertThat(refused("overloaded")).isEqualTo(2.0);
    assertThat(refused("line_down")).isEqualTo(1.0);
    assertThat(refused("screened")).isZero();
    assertThat(refused("no_route")).isZero();
  }

  @Test
  void aRefusedCallWasNeverActive() {
    metrics.rejected(B2buaMetrics.Refusal.SCREENED);

    assertThat(metrics.active()).isZero();
  }

  /** The alert rules and docs use these names: a base unit would have changed them. */
  @Test
  void aScrapeShowsTheNamesTheAlertRulesUse() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new B2buaMetrics(prometheus).rejected(B2buaMetrics.Refusal.OVERLOADED);

    assertThat(prometheus.scrape())
        .contains("callflow_b2bua_calls_refused_total{reason=\"overloaded\"} 1.0")
        .contains("callflow_b2bua_calls_total{outcome=\"rejected\"} 1.0")
        .contains("callflow_b2bua_calls_active 0.0");
  }
}
