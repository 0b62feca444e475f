package io.callflow.core.flow;

import io.callflow.core.model.CallId;

/**
 * An event or request the engine refused. The message names the call, the state it was in
 * (or "none" for an unknown call) and the event; the call is left exactly as it was.
 * Adapters map {@link #reason()} to their protocol (e.g. HTTP 404, 409, 400).
 */
public final class CallFlowException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the event was refused. */
  public enum Reason {
    /** No such call: never offered, or ended and forgotten. */
    UNKNOWN_CALL,
    /** A call with this id is already in progress. */
    DUPLICATE_CALL,
    /** The event makes no sense in the call's current state. */
    ILLEGAL_EVENT,
    /** The event's data is missing or malformed. */
    INVALID_INPUT
  }

  private final transient CallId callId;
  private final CallState state;
  private final String event;
  private final Reason reason;

  CallFlowException(Reason reason, CallId callId, CallState state, String event, String detail) {
    super("call " + callId + " (state " + (state == null ? "none" : state.name()) + "): "
        + event + " refused: " + detail);
    this.reason = reason;
    this.callId = callId;
    this.state = state;
    this.event = event;
  }

  public Reason reason() {
    return reason;
  }

  public CallId callId() {
    return callId;
  }

  /** The state the call was in, or null when there is no such call. */
  public CallState state() {
    return state;
  }

  public String event() {
    return event;
  }
}
