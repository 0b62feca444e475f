/**
 * SIP transactions, RFC 3261 §17 with the RFC 6026 Accepted state: INVITE and non-INVITE,
 * client and server, each class carrying its RFC figure and each state an enum with its
 * allowed transitions as named {@code EnumSet}s. {@link io.callflow.sip.transaction.TransactionLayer}
 * matches messages to transactions (branch, or the RFC 2543 rules) and handles CANCEL.
 *
 * <p>Threading: one layer per Netty event loop; a message goes to the loop chosen by the hash
 * of its Call-ID, so a call's transactions, their timers and the TU callbacks all run on one
 * thread, in order, with no lock shared between calls.
 */
package io.callflow.sip.transaction;
