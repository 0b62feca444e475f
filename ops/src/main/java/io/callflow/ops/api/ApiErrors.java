package io.callflow.ops.api;

import io.callflow.core.flow.CallFlowException;
import io.callflow.ops.http.HttpReply;
import io.callflow.ops.store.RecordStoreException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns the failures an agent or supervisor can cause, or must be told about, into JSON
 * answers: the engine's refusals by reason (UNKNOWN_CALL 404, ILLEGAL_EVENT and DUPLICATE_CALL
 * 409, INVALID_INPUT 400), a record that could not be made durable (503) and work refused
 * because the service is stopping (503). Anything else is
 * left to the HTTP server's 500.
 */
final class ApiErrors {

  private ApiErrors() {}

  /** The answer for {@code failure}, or empty if it is not one the API knows. */
  static Optional<HttpReply> reply(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof CallFlowException refused) {
      HttpResponseStatus status = switch (refused.reason()) {
        case UNKNOWN_CALL -> HttpResponseStatus.NOT_FOUND;
        case ILLEGAL_EVENT, DUPLICATE_CALL -> HttpResponseStatus.CONFLICT;
        case INVALID_INPUT -> HttpResponseStatus.BAD_REQUEST;
      };
      return Optional.of(HttpReply.error(status, refused.getMessage()));
    }
    if (cause instanceof RecordStoreException stored) {
      return Optional.of(HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
          "not saved: " + stored.getMessage()));
    }
    if (cause instanceof RejectedExecutionException) {
      return Optional.of(HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
          "the service is stopping; try again on another instance"));
    }
    return Optional.empty();
  }

  /** The reply for {@code failure}; rethrown for the server's 500 if it is not known. */
  static HttpReply replyOrRethrow(Throwable failure) {
    return reply(failure).orElseThrow(() -> failure instanceof CompletionException c ? c
        : new CompletionException(failure));
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
