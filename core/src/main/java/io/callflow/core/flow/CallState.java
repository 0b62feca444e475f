package io.callflow.core.flow;

/**
 * Where a call stands in the centre's operating procedure (PROCEDURE.md section 3).
 * The regulated steps run RINGING to ENDED in declaration order; the special procedures
 * (3.2) and abnormal ones (3.3) are entered from a connected step and return to it.
 * Which moves are allowed is listed in {@link CallTransitions}.
 */
public enum CallState {
  // 3.1 the regulated steps, in their normal order
  RINGING,
  ANSWERED,
  GREETING,
  COLLECTING_INFO,
  RESOLVING,
  CONFIRMING,
  CLOSING,
  ENDED,
  // 3.2 special procedures
  SENSITIVE,
  CONSULTING,
  COMPLAINT,
  EMERGENCY,
  // 3.3 abnormal procedures
  LINE_FAILURE,
  SYSTEM_FAILURE,
  DROPPED,
  RECONNECTING,
  /**
   * After a restart: the SIP side probes each saved leg; live legs resume at the saved step,
   * lost ones go to DROPPED. Never left without a decision: a probe that gets no answer
   * counts as a lost leg.
   */
  RECOVERING
}
