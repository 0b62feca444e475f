/**
 * Micrometer meter binders for the SIP side: refused requests, peer line state, registration
 * state, and message and retransmission counts. One class per concern; each takes its data
 * source in the constructor and registers only on {@code bindTo}.
 */
package io.callflow.sip.metrics;
