package io.callflow.ops.wiring;

import io.callflow.core.event.CallEvent;
import io.callflow.core.flow.CallFlowException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the call control's events to the engine and reports the ones it refuses. The SIP side
 * does not wait for the engine, so nobody else would see a refused {@code LegEnded} or
 * {@code LineUp}: each refusal is counted in
 * {@code callflow_sip_events_refused_total{event,reason}} and logged with the engine's reason
 * (the first of each kind at INFO, the rest at DEBUG). A record the store could not write
 * is logged where it happened (the engine's call context); after shutdown started, refusals
 * are expected and logged at DEBUG only.
 */
public final class SipEventIntake implements Consumer<CallEvent> {

  private static final Logger log = LoggerFactory.getLogger(SipEventIntake.class);

  private final Function<CallEvent, CompletableFuture<?>> engine;
  private final MeterRegistry registry;
  private final Map<String, Counter> refused = new ConcurrentHashMap<>();
  /** The event-and-reason kinds already logged at INFO. */
  private final Set<String> loggedKinds = ConcurrentHashMap.newKeySet();

  public SipEventIntake(Function<CallEvent, CompletableFuture<?>> engine, MeterRegistry registry) {
    this.engine = engine;
    this.registry = registry;
  }

  @Override
  public void accept(CallEvent event) {
    submit(event);
  }

  /** {@link #accept}, returning when the engine's answer has been reported (for tests). */
  CompletableFuture<?> submit(CallEvent event) {
    return engine.apply(event).whenComplete((handled, failure) -> {
      if (failure != null) {
        report(event, failure instanceof CompletionException wrapped && wrapped.getCause() != null
            ? wrapped.getCause() : failure);
      }
    });
  }

  private void report(CallEvent event, Throwable failure) {
    if (failure instanceof CallFlowException refusal) {
      // The first refusal of each kind at INFO, the rest at DEBUG: after a long line outage
      // every call that failed on it hears LineUp, and most of them have ended since.
      String kind = count(event, refusal.reason().name());
      if (loggedKinds.add(kind)) {
        log.info("{} (further {} refusals with {} log at DEBUG)", refusal.getMessage(), event.name(),
            refusal.reason());
      } else {
        log.debug("{}", refusal.getMessage());
      }
    } else if (failure instanceof RejectedExecutionException) {
      count(event, "STOPPED");
      log.debug("call {}: {} not handled: the engine has stopped", event.callId(), event.name());
    } else {
      count(event, "NOT_STORED");
    }
  }

  /** Counts one more of this event and reason; returns the kind's key. */
  private String count(CallEvent event, String reason) {
    String kind = event.name() + ' ' + reason;
    refused.computeIfAbsent(kind, key -> Counter.builder("callflow_sip_events_refused")
        .description("Events from the call control the engine refused or could not store, by event and reason")
        .tag("event", event.name())
        .tag("reason", reason)
        .register(registry))
        .increment();
    return kind;
  }
}
