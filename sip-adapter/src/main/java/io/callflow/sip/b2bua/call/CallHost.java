package io.callflow.sip.b2bua.call;

import io.callflow.core.event.SipEvent;
import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.DropClassifier;
import io.callflow.sip.b2bua.SessionTimerPolicy;
import io.callflow.sip.stack.SipStack;
import java.time.Duration;

/** What a {@link Call} uses of the B2BUA around it. */
interface CallHost {

  SipStack stack();

  B2buaSettings settings();

  SessionTimerPolicy timerPolicy();

  DropClassifier classifier();

  /** A scheduler whose tasks run on the event loop of {@code callId}. */
  Scheduler scheduler(String callId);

  /** Runs {@code task} after {@code delay} on the event loop of {@code callId}. */
  default ScheduledTask schedule(String callId, Duration delay, Runnable task) {
    return scheduler(callId).schedule(delay, task);
  }

  /** Reports to core; never throws. */
  void emit(SipEvent event);

  /** Messages with {@code callId} belong to {@code call}. */
  void bind(String callId, Call call);

  /** {@code leg}'s dialog or media changed (confirmed, refreshed, re-offered, replaced): save it. */
  default void legChanged(io.callflow.core.model.CallId callId, io.callflow.sip.b2bua.rebridge.BridgedLeg leg) {
    // Nothing is saved unless the B2BUA was given somewhere to save it.
  }

  /** The call ended and holds nothing any more. */
  void finished(Call call, CallOutcome outcome);
}
