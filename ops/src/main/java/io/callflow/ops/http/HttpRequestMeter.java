package io.callflow.ops.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts answered requests as {@code callflow_http_requests_total{method,route,status_class}}.
 * Labels stay bounded: the route is the pattern ({@code /api/calls/{callId}}), never the
 * raw path, and requests that match no route share {@code route="unmatched", method="other"}.
 */
final class HttpRequestMeter {

  static final String UNMATCHED = "unmatched";
  static final String OTHER = "other";

  private final MeterRegistry registry;

  HttpRequestMeter(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String method, String route, int status) {
    Counter.builder("callflow.http.requests")
        .description("HTTP requests answered, by route and status class")
        .baseUnit("requests")
        .tag("method", method)
        .tag("route", route)
        .tag("status_class", (status / 100) + "xx")
        .register(registry)
        .increment();
  }
}
