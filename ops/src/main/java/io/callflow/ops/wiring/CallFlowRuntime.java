package io.callflow.ops.wiring;

import io.callflow.core.effect.Effect;
import io.callflow.core.event.CallEvent;
import io.callflow.core.flow.CallFlowEngine;
import io.callflow.core.flow.CallView;
import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.time.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call-flow engine as the rest of the service uses it: events go in through
 * {@link #submit}, run on the call's own serial executor, their effects go to the
 * {@link EffectDispatcher} at once, and the returned future completes once every record the
 * event produced is durable. The SIP adapter and the REST API both enter here.
 */
public final class CallFlowRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CallFlowRuntime.class);

  /**
   * What one event did.
   *
   * @param view the call afterwards (empty once an ended call has been let go)
   * @param effects the effects, already handed to the dispatcher
   * @param records the records written, all durable
   */
  public record Handled(Optional<CallView> view, List<Effect> effects, List<CallRecord> records) {}

  private final CallFlowEngine engine;
  private final ObservedRecordStore store;
  private final EffectDispatcher dispatcher;
  private final CallExecutors executors;

  private CallFlowRuntime(CallFlowEngine engine, ObservedRecordStore store,
      EffectDispatcher dispatcher, CallExecutors executors) {
    this.engine = engine;
    this.store = store;
    this.dispatcher = dispatcher;
    this.executors = executors;
  }

  /**
   * Builds the engine on {@code store} and {@code scheduler}; every effect, from events and
   * from timers, goes to one dispatcher over {@code sip} and {@code agents}.
   */
  public static CallFlowRuntime create(EngineSettings settings, CallRecordStore store,
      Scheduler scheduler, SipCommandPort sip, AgentNotifier agents, MeterRegistry registry) {
    ObservedRecordStore observed = new ObservedRecordStore(store, new CallMetrics(registry));
    EffectDispatcher dispatcher = new EffectDispatcher(sip, agents, registry);
    CallFlowEngine engine = new CallFlowEngine(settings.settings(), settings.script(), scheduler,
        observed, dispatcher);
    int stripes = Math.max(2, Runtime.getRuntime().availableProcessors());
    return new CallFlowRuntime(engine, observed, dispatcher, new CallExecutors(stripes));
  }

  /**
   * Takes back every call the store holds as in progress (they enter RECOVERING and their
   * legs are probed through the SIP port). Call before the service reports ready.
   *
   * @return how many calls came back
   */
  public int recover() {
    int before = engine.callCount();
    List<Effect> effects = engine.recoverAll(store);
    int recovered = engine.callCount() - before;
    if (!effects.isEmpty()) {
      dispatcher.accept(effects);
    }
    log.info("restart recovery: {} call(s) in progress came back", recovered);
    return recovered;
  }

  /**
   * Handles {@code event} on its call's executor. The future completes when the records it
   * produced are durable; it fails with the engine's {@code CallFlowException} if the event
   * was refused, with the store's exception if a record could not be written, or with
   * {@code RejectedExecutionException} once the runtime is closed.
   */
  public CompletableFuture<Handled> submit(CallEvent event) {
    CompletableFuture<Handled> done = new CompletableFuture<>();
    try {
      executors.forCall(event.callId()).execute(() -> handle(event, done));
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  private void handle(CallEvent event, CompletableFuture<Handled> done) {
    ObservedRecordStore.Written<List<Effect>> written;
    try {
      written = store.capture(() -> engine.handle(event));
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return;
    }
    if (!written.result().isEmpty()) {
      dispatcher.accept(written.result());
    }
    Optional<CallView> view = engine.view(event.callId());
    written.durable().whenComplete((ok, failure) -> {
      if (failure != null) {
        done.completeExceptionally(failure);
      } else {
        done.complete(new Handled(view, written.result(), written.records()));
      }
    });
  }

  /** The call's current picture, if the engine holds it. */
  public Optional<CallView> view(CallId callId) {
    return engine.view(callId);
  }

  /** The store as the engine writes it (observed for metrics); for history and snapshots. */
  public CallRecordStore store() {
    return store;
  }

  /** Waits for queued events to finish; timers and the store are closed by their owners. */
  @Override
  public void close() {
    executors.close();
  }
}
