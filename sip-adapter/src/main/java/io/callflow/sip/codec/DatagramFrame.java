package io.callflow.sip.codec;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A frame cut from a UDP datagram, with the addresses a response needs (RFC 3261 §18.2.2).
 *
 * @param frame the message octets
 * @param sender the datagram's source address
 * @param recipient the local address it arrived on
 */
public record DatagramFrame(SipFrame frame, InetSocketAddress sender, InetSocketAddress recipient) {

  public DatagramFrame {
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(sender, "sender");
  }
}
