package io.callflow.core.store;

import io.callflow.core.flow.CallOutcome;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the service must keep: each a plain value that a {@link CallRecordStore}
 * persists whole. Phone numbers appear only masked ({@code PhoneNumber#masked()}), except
 * inside a leg snapshot, which the SIP side needs to redial after a restart.
 */
public sealed interface CallRecord {

  /** The call this record belongs to; null for records that belong to no call (a headset fault outside a call). */
  CallId callId();

  Instant at();

  /** A call entered the service. */
  record CallOpened(CallId callId, Instant at, String customerMasked, String agentId) implements CallRecord {
    public CallOpened {
      Objects.requireNonNull(callId);
      Objects.requireNonNull(at);
    }
  }

  /**
   * The call moved from one state to another. {@code resumeStep} is the regulated step a
   * special or abnormal procedure returns to; {@code reason} is the agent's reason for a
   * deviation, or null.
   */
  record StateChanged(CallId callId, Instant at, CallState from, CallState to, String event,
      CallState resumeStep, String reason) implements CallRecord {
    public StateChanged {
      Objects.requireNonNull(callId);
      Objects.requireNonNull(at);
      Objects.requireNonNull(to);
    }
  }

  /**
   * The agent completed a regulated step; with the StateChanged that entered it this gives
   * the step's entered and completed timestamps.
   */
  record StepCompleted(CallId callId, Instant at, CallState step, Instant enteredAt)
      implements CallRecord {}

  /** The agent recorded a piece of the customer's details (name, contact, problem). */
  record InfoCollected(CallId callId, Instant at, String field, String value) implements CallRecord {}

  /** A complaint and its ticket number. */
  record ComplaintRecorded(CallId callId, Instant at, String ticket, String text) implements CallRecord {}

  /** A supervisor or technical-support alert that was raised. */
  record AlertRaised(CallId callId, Instant at, String kind, String severity, String message)
      implements CallRecord {}

  /** An audited action: recording paused or resumed, data masked, a reconnect attempt and its outcome. */
  record Audited(CallId callId, Instant at, String action, String outcome, String detail)
      implements CallRecord {}

  /**
   * The end-of-call compliance summary, rendered by core as one JSON object ({@code json}).
   * The outcome and the steps skipped or not reached are also given as values, so that a
   * reader counting them (metrics, at every call's end) need not parse the JSON; they are
   * null in summaries stored before they were added.
   */
  record ComplianceSummary(CallId callId, Instant at, CallOutcome outcome, List<CallState> skipped,
      List<CallState> notReached, String json) implements CallRecord {}

  /**
   * The SIP side's opaque state of one leg (dialog identifiers, CSeq, remote target, route
   * set, last SDP), saved when the dialog is confirmed and whenever it changes, so that a
   * restarted service can find the leg again. Only the newest snapshot of a leg matters.
   */
  record LegSnapshot(CallId callId, Instant at, Leg leg, byte[] data) implements CallRecord {}

  /** A headset or audio fault: time, place, device, description, evidence and the first-line fix. */
  record FaultRecorded(CallId callId, Instant at, String faultId, String agentId, String seat,
      String deviceId, String type, String description, String evidence, String troubleshooting)
      implements CallRecord {}

  /** A fault was acknowledged or closed. */
  record FaultStatusChanged(CallId callId, Instant at, String faultId, String status, String by)
      implements CallRecord {}
}
