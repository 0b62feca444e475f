package io.callflow.sip.codec;

import io.callflow.sip.message.SipMessage;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A message to send as one UDP datagram to {@code recipient}.
 *
 * @param message the message
 * @param recipient where the datagram goes; never resolved here, it must already be an address
 */
public record OutboundDatagram(SipMessage message, InetSocketAddress recipient) {

  public OutboundDatagram {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(recipient, "recipient");
  }
}
