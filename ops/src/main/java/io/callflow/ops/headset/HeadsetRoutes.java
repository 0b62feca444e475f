package io.callflow.ops.headset;

import io.callflow.headset.HeadsetMonitor;
import io.callflow.headset.IngestResult;
import io.callflow.headset.ShiftCheckOutcome;
import io.callflow.ops.http.HttpHandler;
import io.callflow.ops.http.HttpReply;
import io.callflow.ops.http.HttpRequestView;
import io.callflow.ops.http.RouteTable;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletableFuture;

/**
 * The headset monitor's REST API (docs/headset-api.md):
 *
 * <pre>
 * POST /api/headset/telemetry                    200 {"accepted": N} | 400 {..., "field"} | 415
 * POST /api/headset/shift-check                  200 {"passed", "items": [...]} | 400 | 415
 * GET  /api/headset/faults                       200 {"faults": [...]} (not closed, oldest first)
 * POST /api/headset/faults/{faultId}/acknowledge 200 once durable | 400 | 404 | 409 | 415 | 503
 * POST /api/headset/faults/{faultId}/close       as acknowledge
 * GET  /api/headset/agents/{agentId}             200 agent view | 404
 * POST /api/headset/agents/{agentId}/logout      200 {"agentId", "loggedOut": true}
 * </pre>
 *
 * The monitor's calls are in-memory and bounded by {@code headset.limits.maxBatchBytes}, so
 * they run on the event loop; the only wait, the durable fault-status write, is a future.
 * Bad input gets a 4xx with a message and changes nothing.
 */
public final class HeadsetRoutes {

  private final HeadsetMonitor monitor;

  private HeadsetRoutes(HeadsetMonitor monitor) {
    this.monitor = monitor;
  }

  /** Adds the headset routes to {@code routes} and returns it. */
  public static RouteTable.Builder install(RouteTable.Builder routes, HeadsetMonitor monitor) {
    HeadsetRoutes api = new HeadsetRoutes(monitor);
    FaultEndpoints faults = new FaultEndpoints(monitor);
    return routes
        .post("/api/headset/telemetry", HttpHandler.of(api::telemetry))
        .post("/api/headset/shift-check", HttpHandler.of(api::shiftCheck))
        .get("/api/headset/faults", faults::list)
        .post("/api/headset/faults/{faultId}/acknowledge", faults::acknowledge)
        .post("/api/headset/faults/{faultId}/close", faults::close)
        .get("/api/headset/agents/{agentId}", api::agent)
        .route(HttpMethod.POST, "/api/headset/agents/{agentId}/logout",
            request -> CompletableFuture.completedFuture(api.logout(request)));
  }

  private HttpReply telemetry(HttpRequestView request) {
    return HeadsetJson.unlessJson(request).orElseGet(() -> {
      IngestResult result = monitor.ingestTelemetry(request.body());
      if (result instanceof IngestResult.Rejected rejected) {
        return HeadsetJson.error(HttpResponseStatus.BAD_REQUEST, rejected.message(), rejected.field());
      }
      return HeadsetJson.reply(HttpResponseStatus.OK, new ApiViews.Accepted(((IngestResult.Accepted) result).samples()));
    });
  }

  private HttpReply shiftCheck(HttpRequestView request) {
    return HeadsetJson.unlessJson(request).orElseGet(() -> {
      ShiftCheckOutcome outcome = monitor.ingestShiftCheck(request.body());
      if (outcome instanceof ShiftCheckOutcome.Rejected rejected) {
        return HeadsetJson.error(HttpResponseStatus.BAD_REQUEST, rejected.message(), rejected.field());
      }
      return HeadsetJson.reply(HttpResponseStatus.OK,
          ApiViews.ShiftCheckJson.of(((ShiftCheckOutcome.Judged) outcome).result()));
    });
  }

  private HttpReply agent(HttpRequestView request) {
    String agentId = request.pathParam("agentId");
    return monitor.agent(agentId)
        .map(view -> HeadsetJson.reply(HttpResponseStatus.OK, ApiViews.AgentJson.of(view)))
        .orElseGet(() -> HttpReply.error(HttpResponseStatus.NOT_FOUND,
            "no headset known for agent " + agentId + " (no telemetry since start-up or logout)"));
  }

  /** Idempotent: logging out an agent the monitor does not know is not an error. */
  private HttpReply logout(HttpRequestView request) {
    String agentId = request.pathParam("agentId");
    monitor.agentLoggedOut(agentId);
    return HeadsetJson.reply(HttpResponseStatus.OK, new ApiViews.LoggedOut(agentId, true));
  }
}
