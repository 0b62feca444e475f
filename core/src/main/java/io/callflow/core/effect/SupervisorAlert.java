package io.callflow.core.effect;

import io.callflow.core.model.CallId;

/** Tell the supervisor on duty; the message never holds a full phone number. */
public record SupervisorAlert(CallId callId, AlertKind kind, Severity severity, String message)
    implements Effect {}
