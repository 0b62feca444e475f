/**
 * Transferring a customer away from the agent: a REFER from the agent's phone (RFC 3515, blind
 * or, with {@code Replaces} in the Refer-To, attended per RFC 3891) or core's
 * {@code SipCommand.Transfer} from the console makes the B2BUA call the target and move the
 * customer's leg to it with RFC 3725 third-party call control, then end the agent's leg.
 * {@link io.callflow.sip.b2bua.transfer.Transfers} is the entry point; the call package hands
 * it a {@link io.callflow.sip.b2bua.transfer.TransferableCall}.
 */
package io.callflow.sip.b2bua.transfer;
