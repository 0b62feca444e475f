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
 * held about 1.6 KB, which at a thousand calls a second over five minutes is most of the
 * heap; a view is a few dozen bytes plus the retention timer.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
final class EndedCalls {

  private final ConcurrentMap<CallId, CallView> views = new ConcurrentHashMap<>();
  private final Scheduler scheduler;
  private final Duration retention;

  EndedCalls(Scheduler scheduler, Duration retention) {
    this.scheduler = scheduler;
    this.retention = retention;
  }

  /** Keeps {@code last} for the retention time; with a zero retention, not at all. */
  void retain(CallView last) {
    if (retention.isZero()) {
      return;
    }
    views.put(last.callId(), last);
    scheduler.schedule(retention, () -> views.remove(last.callId(), last));
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
