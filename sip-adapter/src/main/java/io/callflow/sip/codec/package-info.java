/**
 * SIP framing and validation: cutting messages out of datagrams ({@link
 * io.callflow.sip.codec.DatagramFramer}) and streams ({@link io.callflow.sip.codec.SipStreamDecoder}),
 * size limits ({@link io.callflow.sip.codec.SipLimits}), and the checks RFC 3261 requires beyond
 * what jain-sip-ri's parser enforces ({@link io.callflow.sip.codec.SipMessageReader}). Bad input
 * becomes a {@link io.callflow.sip.codec.Verdict}, never an exception.
 */
package io.callflow.sip.codec;
