package io.callflow.ops.wiring;

import io.callflow.core.model.CallId;
import io.callflow.ops.BackgroundThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of single-thread executors; a call always runs on the same one, so its events
 * are handled one at a time in arrival order, and never on a Netty event loop (the engine's
 * store append may wait briefly for room in the write queue).
 */
final class CallExecutors implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CallExecutors.class);

  private final List<ExecutorService> stripes = new ArrayList<>();

  CallExecutors(int count) {
    for (int i = 0; i < count; i++) {
      String name = "callflow-calls-" + i;
      stripes.add(Executors.newSingleThreadExecutor(task -> BackgroundThreads.newThread(task, name)));
    }
  }

  /** The call's executor; an event without a call id goes to the first, for the engine to refuse. */
  ExecutorService forCall(CallId callId) {
    return stripes.get(callId == null ? 0 : Math.floorMod(callId.hashCode(), stripes.size()));
  }

  /** Lets queued events finish (up to 10 s) so their records reach the store before it closes. */
  @Override
  public void close() {
    stripes.forEach(ExecutorService::shutdown);
    try {
      for (ExecutorService stripe : stripes) {
        if (!stripe.awaitTermination(10, TimeUnit.SECONDS)) {
          log.warn("call events still running after 10 s; stopping without them");
        }
      }
    } catch (InterruptedException e) {
      log.warn("interrupted while waiting for call events to finish");
      Thread.currentThread().interrupt();
    }
  }
}
