package io.callflow.core.effect;

/** Why someone is alerted; a bounded set so it can label a metric. */
public enum AlertKind {
  LINE_FAILURE,
  EMERGENCY,
  COMPLAINT,
  RECORDING_PAUSE_UNCONFIRMED,
  SYSTEM_FAILURE,
  RECONNECT_FAILED,
  CALL_LOST_ON_RESTART
}
