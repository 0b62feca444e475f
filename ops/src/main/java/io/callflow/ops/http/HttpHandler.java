package io.callflow.ops.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers one route. Runs on the connection's event loop: it must not block. Work that
 * waits (a record store write that must be durable before the agent is told "saved")
 * returns a future that completes later; a handler that throws or whose future fails
 * produces a 500 and one log line.
 */
@FunctionalInterface
public interface HttpHandler {

  CompletionStage<HttpReply> handle(HttpRequestView request) throws Exception;

  /** Answers at once. */
  @FunctionalInterface
  interface Immediate {
    HttpReply respond(HttpRequestView request) throws Exception;
  }

  /** Adapts a handler that answers at once. */
  static HttpHandler of(Immediate immediate) {
    return request -> CompletableFuture.completedFuture(immediate.respond(request));
  }
}
