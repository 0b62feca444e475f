package io.callflow.core.effect;

import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;

/** Something the SIP side must do on a call's legs, or on a line. */
public sealed interface SipCommand extends Effect {

  /** Put {@code leg} on hold (re-INVITE with a=sendonly/inactive, RFC 3264 section 8.4). */
  record HoldLeg(CallId callId, Leg leg) implements SipCommand {}

  /** Take {@code leg} off hold and bridge it to the other leg again. */
  record UnholdLeg(CallId callId, Leg leg) implements SipCommand {}

  /**
   * Call the customer back and, once answered, bridge them to the held agent leg (third-party
   * call control, RFC 3725 section 4.1). The SIP side knows the customer's address from the
   * dialog; {@code callerId} is the identity to present, or null for the service's default.
   */
  record CallCustomerBack(CallId callId, String callerId, int attempt) implements SipCommand {}

  /** Call the agent's phone again and bridge it to the held customer leg (RFC 3725). */
  record RedialAgent(CallId callId, String agentId, String callerId, int attempt)
      implements SipCommand {}

  /** End the call: send BYE (or CANCEL) on every leg still up. */
  record HangUp(CallId callId) implements SipCommand {}

  /** Transfer the customer to {@code target} (a SIP URI or number of the department). */
  record Transfer(CallId callId, String department, String target) implements SipCommand {}

  /** Call {@code target} for the agent to consult while the customer is on hold. */
  record ConsultDepartment(CallId callId, String department, String target)
      implements SipCommand {}

  /**
   * Refuse (503, RFC 3261 section 21.5.4) or accept again new calls on {@code line}, while
   * the line is down. Idempotent: every call on the line sends it.
   */
  record RefuseNewCalls(CallId callId, String line, boolean refuse) implements SipCommand {}

  /** Ask the recorder to pause recording this call; confirmed by a SIP event. */
  record PauseRecording(CallId callId) implements SipCommand {}

  /** Ask the recorder to resume recording this call. */
  record ResumeRecording(CallId callId) implements SipCommand {}

  /**
   * After a restart: send an in-dialog request (OPTIONS, RFC 3261 section 11) on the leg
   * described by {@code snapshot} and answer with LegAlive or LegGone.
   */
  record ProbeLeg(CallId callId, Leg leg, byte[] snapshot) implements SipCommand {}
}
