package io.callflow.core.effect;

import io.callflow.core.model.CallId;

/**
 * Mask (or unmask) the customer's data on the agent console and in anything the console
 * shows others, while sensitive information is being given (PROCEDURE.md 3.2 a).
 */
public record DataMasking(CallId callId, boolean masked) implements Effect {}
