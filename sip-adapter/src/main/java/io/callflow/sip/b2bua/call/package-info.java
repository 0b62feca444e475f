/**
 * The back-to-back user agent proper: {@link io.callflow.sip.b2bua.call.B2bua} answers the
 * customer's INVITE (the A-leg), places the agent's INVITE (the B-leg) on the same event loop,
 * relays what must cross between the two dialogs, keeps RFC 4028 session timers on both legs,
 * classifies every leg end and reports it to core as {@code SipEvent}s, and carries out core's
 * {@code SipCommand}s. One {@link io.callflow.sip.b2bua.call.Call} per customer call, confined
 * to that call's event loop.
 */
package io.callflow.sip.b2bua.call;
