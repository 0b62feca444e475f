package io.callflow.ops.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callflow.core.flow.CallView;
import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.ops.http.HttpReply;
import io.callflow.ops.http.HttpRequestView;
import io.callflow.ops.http.RouteTable;
import io.callflow.ops.wiring.CallFlowRuntime;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The agent's actions on a call and what the console reads back:
 * <ul>
 *   <li>{@code POST /api/calls/{callId}/events}: one {@link AgentEventBody}; answered with the
 *       call's new picture only after every record the event produced is durable;
 *   <li>{@code GET /api/calls/{callId}}: the call's picture;
 *   <li>{@code GET /api/calls/{callId}/history}: its stored records, oldest first.
 * </ul>
 * Nothing here runs the engine or reads the store on the event loop: events go to the call's
 * serial executor, reads to {@code reads}.
 */
public final class CallRoutes {

  private final CallFlowRuntime calls;
  private final Executor reads;

  public CallRoutes(CallFlowRuntime calls, Executor reads) {
    this.calls = calls;
    this.reads = reads;
  }

  public RouteTable.Builder install(RouteTable.Builder routes) {
    return routes
        .route(HttpMethod.POST, "/api/calls/{callId}/events", this::event)
        .route(HttpMethod.GET, "/api/calls/{callId}", this::view)
        .route(HttpMethod.GET, "/api/calls/{callId}/history", this::history);
  }

  private CompletionStage<HttpReply> event(HttpRequestView request) {
    CallId callId = new CallId(request.pathParam("callId"));
    AgentEventBody body;
    try {
      body = ApiJson.read(request.body(), AgentEventBody.class);
    } catch (ApiJson.BadBody e) {
      return CompletableFuture.completedFuture(HttpReply.error(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
    }
    return calls.submit(body.toEvent(callId)).handle((handled, failure) -> {
      if (failure != null) {
        return ApiErrors.replyOrRethrow(failure);
      }
      Map<String, Object> reply = picture(callId, handled.view());
      reply.put("recordsSaved", handled.records().size());
      return ApiJson.reply(HttpResponseStatus.OK, reply);
    });
  }

  private CompletionStage<HttpReply> view(HttpRequestView request) {
    CallId callId = new CallId(request.pathParam("callId"));
    return CompletableFuture.supplyAsync(() -> calls.view(callId)
        .map(view -> ApiJson.reply(HttpResponseStatus.OK, picture(callId, Optional.of(view))))
        .orElseGet(() -> unknown(callId)), reads);
  }

  private CompletionStage<HttpReply> history(HttpRequestView request) {
    CallId callId = new CallId(request.pathParam("callId"));
    return CompletableFuture.supplyAsync(() -> {
      List<CallRecord> records = calls.store().history(callId);
      if (records.isEmpty() && calls.view(callId).isEmpty()) {
        return unknown(callId);
      }
      List<ObjectNode> json = records.stream().map(ApiJson::record).toList();
      ObjectNode reply = JsonNodeFactory.instance.objectNode().put("callId", callId.value());
      reply.putArray("records").addAll(json);
      return ApiJson.reply(HttpResponseStatus.OK, reply);
    }, reads);
  }

  private static HttpReply unknown(CallId callId) {
    return HttpReply.error(HttpResponseStatus.NOT_FOUND, "no call " + callId.value());
  }

  /** The call's picture; a call already let go after it ended shows only its id. */
  private static Map<String, Object> picture(CallId callId, Optional<CallView> view) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("callId", callId.value());
    view.ifPresent(v -> {
      json.put("state", v.state());
      json.put("resumeStep", v.resumeStep());
      json.put("agentId", v.agentId());
      json.put("customerMasked", v.customerMasked());
      json.put("reconnectAttempt", v.reconnectAttempt());
    });
    return json;
  }
}
