package io.callflow.core.effect;

import io.callflow.core.model.CallId;

/**
 * One thing the engine wants done because of an event or a timer. Effects are returned in
 * the order they must be carried out.
 */
public sealed interface Effect
    permits AgentPrompt, SipCommand, SupervisorAlert, TechnicalSupportAlert, DataMasking {

  /** The call the effect belongs to. */
  CallId callId();
}
