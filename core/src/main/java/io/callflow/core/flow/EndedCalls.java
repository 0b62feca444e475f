package io.callflow.core.flow;

import io.callflow.core.effect.Effect;
import io.callflow.core.event.CallEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The calls that ended less than {@code call-flow.ended-retention} ago, each kept only as its
 * last {@link CallView}, so that a late event is refused by state rather than as unknown and
 * the id cannot be offered again while the network may still send the old call's messages.
 * The whole {@link CallMachine} is not kept: with its timers, step history and output it
 * held about 1.5 KB, which at a thousand calls a second over five minutes is most of the
 * heap.
 *
 * <p>Expiry: the retention is one fixed duration, so calls expire in the order they ended.
 * They wait in a first-in-first-out ring and one scheduler task at a time sweeps the expired
 * head, then waits for the next head. One task per call (a scheduled-executor task, its
 * adapter and two lambdas, about 170 bytes) cost more than the view itself, and every insert
 * wrote somewhere in the executor's long-lived priority heap, a write the collector has to
 * scan at each young collection; the ring writes only at its tail.
 *
 * <p>Thread-safe: every method may be called from any thread (the engine retains a call on
 * whichever thread ended it, the sweep runs on the scheduler's thread).
 */
final class EndedCalls {

  /** The shortest wait between two sweeps. */
  static final long SWEEP_STEP_MILLIS = 1_000;

  private final ConcurrentMap<CallId, CallView> views = new ConcurrentHashMap<>();
  private final Scheduler scheduler;
  private final Duration retention;
  private final long retentionMillis;
  private final Runnable sweep = this::sweep;
  /** Oldest first; guarded by itself, as is {@link #armed}. */
  private final ExpiryRing ring = new ExpiryRing();
  /** Whether a sweep is scheduled. */
  private boolean armed;

  EndedCalls(Scheduler scheduler, Duration retention) {
    this.scheduler = scheduler;
    this.retention = retention;
    this.retentionMillis = retention.toMillis();
  }

  /**
   * Keeps {@code last} for the retention time; with a zero retention, not at all. A call id
   * retained again replaces its earlier view, and the earlier view's expiry leaves the new one
   * in place.
   */
  void retain(CallView last) {
    if (retention.isZero()) {
      return;
    }
    views.put(last.callId(), last);
    synchronized (ring) {
      ring.add(last, scheduler.nowMillis() + retentionMillis);
      if (!armed) {
        armed = true;
        scheduler.schedule(retention, sweep);
      }
    }
  }

  /** Lets go of every view whose time is over, oldest first, then waits for the next one. */
  private void sweep() {
    synchronized (ring) {
      long now = scheduler.nowMillis();
      while (!ring.isEmpty() && ring.headExpiry() <= now) {
        CallView expired = ring.removeHead();
        views.remove(expired.callId(), expired);
      }
      if (ring.isEmpty()) {
        armed = false;
      } else {
        // At most one sweep a second: a call may be kept up to that much longer than the
        // retention, instead of one scheduled task per millisecond at a thousand calls a second.
        scheduler.schedule(Duration.ofMillis(Math.max(ring.headExpiry() - now, SWEEP_STEP_MILLIS)), sweep);
      }
    }
  }

  boolean holds(CallId id) {
    return views.containsKey(id);
  }

  Optional<CallView> view(CallId id) {
    return Optional.ofNullable(views.get(id));
  }

  int size() {
    return views.size();
  }

  /**
   * Answers a late event for a retained ended call, as the call's machine would: the legs of
   * an ended call end too, so {@code LegEnded} is accepted and does nothing; anything else is
   * refused. Empty if the call is not retained.
   *
   * @throws CallFlowException ILLEGAL_EVENT for any event but {@code LegEnded}, INVALID_INPUT
   *     for a {@code LegEnded} without a leg
   */
  Optional<List<Effect>> lateEvent(CallEvent event) {
    CallView last = views.get(event.callId());
    if (last == null) {
      return Optional.empty();
    }
    if (!(event instanceof SipEvent.LegEnded ended)) {
      throw refused(last, event, CallFlowException.Reason.ILLEGAL_EVENT, "the call has ended");
    }
    if (ended.leg() == null) {
      throw refused(last, event, CallFlowException.Reason.INVALID_INPUT, "leg is required");
    }
    return Optional.of(List.of());
  }

  private static CallFlowException refused(CallView last, CallEvent event,
      CallFlowException.Reason reason, String why) {
    return new CallFlowException(reason, last.callId(), last.state(), event.name(), why);
  }
}
