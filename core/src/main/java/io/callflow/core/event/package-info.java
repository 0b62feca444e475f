/**
 * What happens to a call, as typed values: {@link io.callflow.core.event.SipEvent}s from the
 * signalling side and {@link io.callflow.core.event.AgentEvent}s from the agent's console.
 * Events carry raw input as received; the engine validates it and refuses bad input.
 */
package io.callflow.core.event;
