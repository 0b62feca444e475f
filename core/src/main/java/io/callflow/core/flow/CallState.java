package io.callflow.core.flow;

/**
 * Where a call stands in the centre's operating procedure (PROCEDURE.md section 3).
 * The regulated steps run RINGING to ENDED in declaration order; the special procedures
 * (3.2) and abnormal ones (3.3) are entered from a connected step and return to it.
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
  RECONNECTING
}
