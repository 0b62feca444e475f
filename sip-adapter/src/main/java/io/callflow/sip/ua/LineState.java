package io.callflow.sip.ua;

/** A peer's line: unknown until the first verdict, then up or down. */
public enum LineState {
  UNKNOWN,
  UP,
  DOWN
}
