package io.callflow.core.event;

import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;

/** What the signalling side (the B2BUA) observed on a call's legs or lines. */
public sealed interface SipEvent extends CallEvent {

  /**
   * A new call reached the service. {@code customerNumber} is the caller's number as received
   * (validated by the engine), {@code agentId} the agent whose phone is rung, {@code line}
   * the trunk or line the call came in on.
   */
  record Offered(CallId callId, String customerNumber, String agentId, String line)
      implements SipEvent {}

  /** The agent's phone answered: the two legs are bridged. */
  record Answered(CallId callId) implements SipEvent {}

  /**
   * A leg ended. {@code q850Cause} is the ITU-T Q.850 cause from the Reason header
   * (RFC 3326 section 2) or the cause the adapter mapped a failure to (408/481, session-timer
   * expiry, transport loss); null when the BYE carried no Reason, which is a normal hangup.
   */
  record LegEnded(CallId callId, Leg leg, Integer q850Cause, String detail) implements SipEvent {}

  /** A reconnect attempt reached the party again and the legs are bridged once more. */
  record Reconnected(CallId callId, Leg leg) implements SipEvent {}

  /** A reconnect attempt failed (busy, no answer, rejected). */
  record ReconnectFailed(CallId callId, Leg leg, String detail) implements SipEvent {}

  /** The line (trunk) carrying this call went down. */
  record LineDown(CallId callId, String line) implements SipEvent {}

  /** The line carrying this call is up again. */
  record LineUp(CallId callId, String line) implements SipEvent {}

  /** After a restart, an in-dialog probe of {@code leg} was answered: the leg is still up. */
  record LegAlive(CallId callId, Leg leg) implements SipEvent {}

  /** After a restart, the probe of {@code leg} failed (481, 408, no answer): the leg is gone. */
  record LegGone(CallId callId, Leg leg, String detail) implements SipEvent {}

  /** The recorder confirmed that recording is paused for this call. */
  record RecordingPauseConfirmed(CallId callId) implements SipEvent {}

  /** The recorder refused or failed to pause recording. */
  record RecordingPauseFailed(CallId callId, String detail) implements SipEvent {}

  /** A transfer the engine asked for completed; the customer now talks to the department. */
  record TransferCompleted(CallId callId) implements SipEvent {}
}
