package io.callflow.core.flow;

import io.callflow.core.script.PromptScript;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every call machine of one engine shares: settings, script, time, the store. */
final class CallContext {

  private static final Logger log = LoggerFactory.getLogger(CallContext.class);

  final CallFlowSettings settings;
  final PromptScript script;
  final ComplaintTickets tickets;
  private final Scheduler scheduler;
  private final CallRecordStore store;
  private final TimerRunner timerRunner;

  /** Runs a timer's action on its call under the call's lock and delivers the effects. */
  interface TimerRunner {
    void fire(CallMachine machine, Runnable action);
  }

  CallContext(CallFlowSettings settings, PromptScript script, ComplaintTickets tickets,
      Scheduler scheduler, CallRecordStore store, TimerRunner timerRunner) {
    this.settings = settings;
    this.script = script;
    this.tickets = tickets;
    this.scheduler = scheduler;
    this.store = store;
    this.timerRunner = timerRunner;
  }

  Instant now() {
    return scheduler.clock().instant();
  }

  ScheduledTask schedule(CallMachine machine, Duration delay, Runnable action) {
    return scheduler.schedule(delay, () -> timerRunner.fire(machine, action));
  }

  /**
   * Hands {@code record} to the store. The store never drops a record silently and counts
   * failures; a failure is logged here as well because the call's history is now incomplete.
   */
  void record(CallRecord record) {
    CompletableFuture<Void> written = store.append(record);
    if (!written.isDone() || written.isCompletedExceptionally()) {
      written.whenComplete((ignored, failure) -> {
        if (failure != null) {
          log.warn("call {}: {} record not stored: {}", record.callId(),
              record.getClass().getSimpleName(), failure.toString());
        }
      });
    }
  }
}
