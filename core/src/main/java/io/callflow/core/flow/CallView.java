package io.callflow.core.flow;

import io.callflow.core.model.CallId;

/**
 * A read-only picture of one call, for consoles and tests.
 *
 * @param resumeStep the regulated step a procedure returns to; null before the call connects
 * @param customerMasked the customer's number, masked; null for a recovered call
 * @param reconnectAttempt the current or last reconnect attempt, 0 if none
 */
public record CallView(CallId callId, CallState state, CallState resumeStep, String agentId,
    String customerMasked, int reconnectAttempt) {}
