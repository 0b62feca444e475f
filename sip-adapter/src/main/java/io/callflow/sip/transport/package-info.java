/**
 * SIP transports on Netty: UDP and TCP listeners ({@link io.callflow.sip.transport.NettySipTransport}),
 * the inbound boundary the transaction layer implements ({@link io.callflow.sip.transport.SipInboundHandler}),
 * the outbound {@link io.callflow.sip.transport.SipSender}, response routing per RFC 3261 §18.2.2 and
 * RFC 3581, settings and traffic metrics.
 */
package io.callflow.sip.transport;
