/**
 * Wires the call-flow engine into the service: core's settings mapped from the config
 * ({@link io.callflow.ops.wiring.EngineSettings}), the record store observed for metrics and
 * for "saved" acknowledgements ({@link io.callflow.ops.wiring.ObservedRecordStore}), one
 * {@link io.callflow.ops.wiring.EffectDispatcher} for every effect, with ports for the SIP
 * stack ({@link io.callflow.ops.wiring.SipCommandPort}) and the agent console
 * ({@link io.callflow.ops.wiring.AgentNotifier}), and the
 * {@link io.callflow.ops.wiring.CallFlowRuntime} that runs each call's events in order off
 * the event loops.
 */
package io.callflow.ops.wiring;
