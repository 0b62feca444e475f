package io.callflow.core.event;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the agent did on the console for one call. */
public sealed interface AgentEvent extends CallEvent {

  /**
   * The agent finished {@code step}, which must be the step the call is in; {@code data}
   * holds the information gathered in it by {@link InfoField} key (null values are kept so
   * the engine can name them as missing).
   */
  record StepCompleted(CallId callId, CallState step, Map<String, String> data)
      implements AgentEvent {
    public StepCompleted {
      data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public StepCompleted(CallId callId, CallState step) {
      this(callId, step, Map.of());
    }
  }

  /**
   * The agent skips ahead to, or goes back to, {@code step} (a connected regulated step, or
   * ENDED to end the call early), giving a reason. Recorded as a deviation, never refused
   * for being out of order.
   */
  record GoToStep(CallId callId, CallState step, String reason) implements AgentEvent {}

  /** One piece of customer information, by {@link InfoField} key. */
  record InfoRecorded(CallId callId, String field, String value) implements AgentEvent {}

  /** The customer complains; {@code text} is what the agent wrote down. */
  record ComplaintRaised(CallId callId, String text) implements AgentEvent {}

  /** The agent declares an emergency (PROCEDURE.md 3.3 e). */
  record EmergencyDeclared(CallId callId, String description) implements AgentEvent {}

  /** Sensitive information is about to be given: pause recording, mask the data. */
  record SensitiveStarted(CallId callId) implements AgentEvent {}

  /** The sensitive part is over: resume recording, unmask. */
  record SensitiveEnded(CallId callId) implements AgentEvent {}

  /** The agent needs help: an internal lookup, or a department from the directory. */
  record ConsultRequested(CallId callId, ConsultKind kind, String department, String note)
      implements AgentEvent {}

  /**
   * The agent is done with the special or abnormal procedure the call is in and returns to
   * the step the call was at.
   */
  record ProcedureFinished(CallId callId, String note) implements AgentEvent {}

  /** The agent's computer failed (reported from another device or by the supervisor). */
  record SystemFailureReported(CallId callId, String description) implements AgentEvent {}

  /** The agent pressed "call dropped": {@code leg} is the side that was lost. */
  record DropReported(CallId callId, Leg leg) implements AgentEvent {}

  /** The console is alive. Any other agent event counts as a heartbeat too. */
  record Heartbeat(CallId callId) implements AgentEvent {}
}
