package io.callflow.ops.console;

/** The standing notices the console page can show; one of each kind at a time. */
public enum BannerKind {
  /** PROCEDURE.md 3.3 a: the line is down; offer the customer another channel. */
  LINE_FAILURE,
  /** PROCEDURE.md 3.3 c: the call dropped and is being reconnected, attempt n of m. */
  RECONNECTING,
  /** PROCEDURE.md 3.3 b: the computer failed; wait for technical support. */
  SYSTEM_FAILURE,
  /** PROCEDURE.md 4.3 b, e: the headset has a fault; troubleshooting text included. */
  HEADSET_FAULT
}
