/**
 * The per-call procedure state machine and the engine that owns the calls. Entry point:
 * {@link io.callflow.core.flow.CallFlowEngine}; allowed moves:
 * {@link io.callflow.core.flow.CallTransitions}.
 */
package io.callflow.core.flow;
