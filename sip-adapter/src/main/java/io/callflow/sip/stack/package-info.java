/**
 * The SIP stack facade: {@link io.callflow.sip.stack.SipStack#start} binds the transports
 * and joins them to the transaction layer, the dialogs and the UA core, and those to the
 * {@link io.callflow.sip.stack.SipApplication}. Calls are sharded by Call-ID over the event
 * loops; each shard ({@code Shard}) owns its transactions, dialogs and timers and runs on one
 * thread, so a call is processed in order and no lock is shared between calls.
 */
package io.callflow.sip.stack;
