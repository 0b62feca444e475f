package io.callflow.ops.wiring;

import io.callflow.core.event.CallEvent;
import io.callflow.core.flow.CallFlowException;
import io.callflow.ops.store.RecordStoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the call control's events to the engine and reports the ones it does not take. The SIP
 * side does not wait for the engine, so nobody else would see a refused {@code LegEnded} or
 * {@code LineUp}: each is counted in {@code callflow_sip_events_refused_total{event,reason}}
 * and logged, the first of each kind at INFO (WARN with the stack trace for an engine failure)
 * and the rest at DEBUG: after a long line outage every call that failed on it hears LineUp,
 * and most of them have ended since. Reasons: the engine's refusal ({@code UNKNOWN_CALL},
 * {@code ILLEGAL_EVENT}, …), {@code NOT_STORED} (logged where the store failed, the engine's
 * call context), {@code STOPPED} (after shutdown started, DEBUG only) and {@code FAILED}.
 */
public final class SipEventIntake implements Consumer<CallEvent> {

  private static final Logger log = LoggerFactory.getLogger(SipEventIntake.class);

  private final Function<CallEvent, CompletableFuture<?>> engine;
  private final MeterRegistry registry;
  private final Map<String, Counter> refused = new ConcurrentHashMap<>();

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
      if (countIsFirst(event, refusal.reason().name())) {
        log.info("{} (further {} refusals with {} log at DEBUG)", refusal.getMessage(), event.name(),
            refusal.reason());
      } else {
        log.debug("{}", refusal.getMessage());
      }
    } else if (failure instanceof RejectedExecutionException) {
      countIsFirst(event, "STOPPED");
      log.debug("call {}: {} not handled: the engine has stopped", event.callId(), event.name());
    } else if (failure instanceof RecordStoreException) {
      countIsFirst(event, "NOT_STORED");
    } else if (countIsFirst(event, "FAILED")) {
      log.warn("call {}: {} failed in the engine (further ones log at DEBUG)", event.callId(), event.name(), failure);
    } else {
      log.debug("call {}: {} failed in the engine: {}", event.callId(), event.name(), failure.toString());
    }
  }

  /** Counts one more of this event and reason; true for the first of its kind. */
  private boolean countIsFirst(CallEvent event, String reason) {
    boolean[] first = {false};
    refused.computeIfAbsent(event.name() + ' ' + reason, key -> {
      first[0] = true;
      return Counter.builder("callflow_sip_events_refused")
          .description("Events from the call control the engine refused, failed on or could not store, by event and reason")
          .tag("event", event.name())
          .tag("reason", reason)
          .register(registry);
    }).increment();
    return first[0];
  }
}
