package io.callflow.ops.api;

import io.callflow.core.store.CallRecord.FaultStatusChanged;
import io.callflow.ops.http.HttpReply;
import io.callflow.ops.http.HttpRequestView;
import io.callflow.ops.http.RouteTable;
import io.callflow.ops.store.FaultStatus;
import io.callflow.ops.store.FaultView;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * Supervisors work the fault list (PROCEDURE.md 4.3 d):
 * <ul>
 *   <li>{@code GET /api/faults?status=OPEN,ACKNOWLEDGED}: faults in those statuses (all if
 *       no {@code status}), oldest first;
 *   <li>{@code POST /api/faults/{faultId}/acknowledge} and {@code /close} with
 *       {@code {"by": "name"}}: 404 for an unknown fault, 409 for a move
 *       {@link FaultStatus#next()} does not allow; answered after the
 *       {@code FaultStatusChanged} is durable.
 * </ul>
 * Moves run one at a time on {@code moves} (check, append, wait), so two supervisors cannot
 * both move the same fault out of one status.
 */
public final class FaultRoutes {

  /** The body of a move: who made it. */
  record MoveBody(String by) {}

  private final SqliteCallRecordStore store;
  private final ExecutorService moves;
  private final Clock clock;

  public FaultRoutes(SqliteCallRecordStore store, ExecutorService moves, Clock clock) {
    this.store = store;
    this.moves = moves;
    this.clock = clock;
  }

  public RouteTable.Builder install(RouteTable.Builder routes) {
    return routes
        .route(HttpMethod.GET, "/api/faults", this::list)
        .route(HttpMethod.POST, "/api/faults/{faultId}/acknowledge", r -> move(r, FaultStatus.ACKNOWLEDGED))
        .route(HttpMethod.POST, "/api/faults/{faultId}/close", r -> move(r, FaultStatus.CLOSED));
  }

  private CompletionStage<HttpReply> list(HttpRequestView request) {
    Set<FaultStatus> statuses = EnumSet.noneOf(FaultStatus.class);
    Optional<String> asked = request.queryParam("status");
    try {
      if (asked.isEmpty() || asked.get().isBlank()) {
        statuses = EnumSet.allOf(FaultStatus.class);
      } else {
        for (String name : asked.get().split(",")) {
          statuses.add(FaultStatus.parse(name));
        }
      }
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          HttpReply.error(HttpResponseStatus.BAD_REQUEST, "query parameter status: " + e.getMessage()));
    }
    Set<FaultStatus> wanted = statuses;
    return CompletableFuture.supplyAsync(() -> ApiJson.reply(HttpResponseStatus.OK,
        Map.of("faults", store.faults(wanted).stream().map(FaultRoutes::json).toList())), moves);
  }

  private CompletionStage<HttpReply> move(HttpRequestView request, FaultStatus target) {
    String faultId = request.pathParam("faultId");
    MoveBody body;
    try {
      body = ApiJson.read(request.body(), MoveBody.class);
    } catch (ApiJson.BadBody e) {
      return CompletableFuture.completedFuture(HttpReply.error(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
    }
    if (body.by() == null || body.by().isBlank()) {
      return CompletableFuture.completedFuture(HttpReply.error(HttpResponseStatus.BAD_REQUEST,
          "field 'by' is required: the name of who makes the move"));
    }
    try {
      return CompletableFuture.supplyAsync(() -> moveNow(faultId, target, body.by().strip()), moves);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return CompletableFuture.completedFuture(ApiErrors.replyOrRethrow(e));
    }
  }

  /** Runs on {@code moves}, so it may wait for the write. */
  private HttpReply moveNow(String faultId, FaultStatus target, String by) {
    Optional<FaultView> found = store.fault(faultId);
    if (found.isEmpty()) {
      return HttpReply.error(HttpResponseStatus.NOT_FOUND, "no fault " + faultId);
    }
    FaultView fault = found.get();
    if (!fault.status().next().contains(target)) {
      return HttpReply.error(HttpResponseStatus.CONFLICT, "fault " + faultId + " is "
          + fault.status() + " and cannot move to " + target + "; allowed: " + fault.status().next());
    }
    try {
      store.append(new FaultStatusChanged(fault.fault().callId(), clock.instant(), faultId,
          target.name(), by)).join();
    } catch (RuntimeException e) {
      return ApiErrors.replyOrRethrow(e);
    }
    return ApiJson.reply(HttpResponseStatus.OK,
        json(store.fault(faultId).orElseThrow(() -> new IllegalStateException("fault " + faultId + " vanished"))));
  }

  private static Map<String, Object> json(FaultView view) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("faultId", view.faultId());
    json.put("status", view.status());
    json.put("statusAt", view.statusAt());
    json.put("statusBy", view.statusBy());
    json.put("fault", ApiJson.record(view.fault()));
    return json;
  }
}
