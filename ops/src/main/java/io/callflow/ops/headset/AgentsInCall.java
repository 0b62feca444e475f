package io.callflow.ops.headset;

/**
 * Whether an agent is in a call right now: the engine knows, the monitor's health change
 * does not say. Must answer from memory without blocking.
 */
@FunctionalInterface
public interface AgentsInCall {

  boolean inCall(String agentId);
}
