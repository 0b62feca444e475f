package io.callflow.ops.headset;

import io.callflow.headset.HeadsetMonitor;
import io.callflow.headset.fault.FaultUpdate;
import io.callflow.ops.http.HttpReply;
import io.callflow.ops.http.HttpRequestView;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Acknowledge and close (procedure 4.3 d): 200 only once the FaultStatusChanged record is
 * durable, so a supervisor who sees "acknowledged" can rely on it after a crash; 503 if the
 * store refused the write (the in-memory status has moved, so repeating the request gets
 * 409; the monitor has logged the store's reason). A closed fault is forgotten by the monitor
 * and answers 404.
 */
final class FaultEndpoints {

  private final HeadsetMonitor monitor;

  FaultEndpoints(HeadsetMonitor monitor) {
    this.monitor = monitor;
  }

  HttpReply list(HttpRequestView request) {
    return HeadsetJson.reply(HttpResponseStatus.OK, ApiViews.FaultList.of(monitor.openFaults()));
  }

  CompletionStage<HttpReply> acknowledge(HttpRequestView request) {
    return change(request, monitor::acknowledge);
  }

  CompletionStage<HttpReply> close(HttpRequestView request) {
    return change(request, monitor::close);
  }

  private CompletionStage<HttpReply> change(HttpRequestView request, BiFunction<String, String, FaultUpdate> move) {
    Optional<HttpReply> notJson = HeadsetJson.unlessJson(request);
    if (notJson.isPresent()) {
      return CompletableFuture.completedFuture(notJson.get());
    }
    ActorBody.Parsed parsed = ActorBody.parse(request.body());
    if (parsed instanceof ActorBody.Invalid invalid) {
      return done(HeadsetJson.error(HttpResponseStatus.BAD_REQUEST, invalid.message(), invalid.field()));
    }
    String faultId = request.pathParam("faultId");
    FaultUpdate update = move.apply(faultId, ((ActorBody.Actor) parsed).by());
    if (update instanceof FaultUpdate.NotFound) {
      return done(HttpReply.error(HttpResponseStatus.NOT_FOUND, "no open headset fault with id " + faultId + " (unknown, or already closed)"));
    }
    if (update instanceof FaultUpdate.NotAllowed refused) {
      return done(HttpReply.error(HttpResponseStatus.CONFLICT, refused.message()));
    }
    FaultUpdate.Updated updated = (FaultUpdate.Updated) update;
    return updated.durable().handle((ignored, error) -> {
      if (error == null) {
        return HeadsetJson.reply(HttpResponseStatus.OK, ApiViews.FaultJson.of(updated.fault()));
      }
      return HttpReply.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "fault " + faultId + " is "
          + updated.fault().status() + " in memory but the record store did not save it; "
          + "it will not survive a restart (see the service log)");
    });
  }

  private static CompletionStage<HttpReply> done(HttpReply reply) {
    return CompletableFuture.completedFuture(reply);
  }
}
