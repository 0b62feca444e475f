package io.callflow.core.event;

import io.callflow.core.model.CallId;

/**
 * One input to the call-flow engine. Events are immutable and carry the input as it arrived
 * (strings, not parsed values) so that the engine, not each adapter, decides what is valid
 * and can refuse bad input with one consistent error.
 */
public sealed interface CallEvent permits SipEvent, AgentEvent {

  /** The call the event belongs to. */
  CallId callId();

  /** A short name for logs, records and error messages, e.g. {@code "StepCompleted"}. */
  default String name() {
    return getClass().getSimpleName();
  }
}
