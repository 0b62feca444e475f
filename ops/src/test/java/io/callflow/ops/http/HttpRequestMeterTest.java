package io.callflow.ops.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class HttpRequestMeterTest {

  @Test
  void countsByRoutePatternAndStatusClassInPrometheusText() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HttpRequestMeter meter = new HttpRequestMeter(registry);

    meter.record("GET", "/api/calls/{callId}", 200);
    meter.record("GET", "/api/calls/{callId}", 204);
    meter.record(HttpRequestMeter.OTHER, HttpRequestMeter.UNMATCHED, 404);

    assertThat(registry.scrape()).isEqualTo("""
        # HELP callflow_http_requests_total HTTP requests answered, by route and status class
        # TYPE callflow_http_requests_total counter
        callflow_http_requests_total{method="GET",route="/api/calls/{callId}",status_class="2xx"} 2.0
        callflow_http_requests_total{method="other",route="unmatched",status_class="4xx"} 1.0
        """);
  }
}
