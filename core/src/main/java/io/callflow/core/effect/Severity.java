package io.callflow.core.effect;

/** How urgently an alert must be acted on. */
public enum Severity {
  /** Look at it when convenient. */
  WARNING,
  /** Act now: the procedure says "report to the supervisor at once". */
  CRITICAL
}
