package io.callflow.core.effect;

import io.callflow.core.model.CallId;

/** Call technical support to an agent's seat (PROCEDURE.md 3.3 b: wait for a technician). */
public record TechnicalSupportAlert(CallId callId, String agentId, AlertKind kind, String message)
    implements Effect {}
