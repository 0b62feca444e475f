package io.callflow.ops.http;

import io.callflow.ops.metrics.PrometheusMetrics;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.Map;

/** The operational endpoints every instance serves: {@code /metrics}, {@code /healthz}, {@code /readyz}. */
public final class OpsEndpoints {

  private OpsEndpoints() {}

  /** Adds the three endpoints to {@code routes}. */
  public static RouteTable.Builder install(RouteTable.Builder routes, PrometheusMetrics metrics, Readiness readiness) {
    return routes
        .get("/metrics", request -> HttpReply.text(HttpResponseStatus.OK, PrometheusMetrics.CONTENT_TYPE, metrics.scrape()))
        .get("/healthz", request -> HttpReply.json(HttpResponseStatus.OK, Map.of("status", "up")))
        .get("/readyz", request -> {
          String state = readiness.state().name().toLowerCase(Locale.ROOT);
          HttpResponseStatus status = readiness.isReady() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
          return HttpReply.json(status, Map.of("status", state));
        });
  }
}
