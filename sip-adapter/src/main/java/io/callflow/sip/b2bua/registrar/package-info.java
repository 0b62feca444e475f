/**
 * The registrar agent phones REGISTER with in registrar mode (RFC 3261 §10.3): Digest
 * authentication (RFC 2617, RFC 7616) with stateless, tamper-proof nonces, bindings that
 * expire on the injected scheduler, and the {@code AgentPool} kept in step with them, so a call
 * for a queue can go to the longest-idle agent whose phone is registered.
 */
package io.callflow.sip.b2bua.registrar;
