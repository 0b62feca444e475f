package io.callflow.core.effect;

import io.callflow.core.model.CallId;
import io.callflow.core.script.PromptKey;

/**
 * Text to show the agent handling the call, from the configured prompt script.
 * {@code agentId} is null for a call recovered after a restart whose agent is not known yet;
 * route those by call id.
 */
public record AgentPrompt(CallId callId, String agentId, PromptKey key, String text)
    implements Effect {}
