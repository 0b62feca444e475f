package io.callflow.sip.transaction;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * The other end of a message: the transport it travels on and the remote address. For a
 * server transaction it is where the request came from (responses go back there, §18.2.2);
 * for a client transaction it is the next hop (§8.1.2).
 *
 * @param transport "UDP", "TCP" or "TLS"
 * @param address the remote address and port
 */
public record Peer(String transport, InetSocketAddress address) {

  public Peer {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(address, "address");
    transport = transport.toUpperCase(Locale.ROOT);
  }

  /** A peer on UDP. */
  public static Peer udp(InetSocketAddress address) {
    return new Peer("UDP", address);
  }

  /** A peer on TCP. */
  public static Peer tcp(InetSocketAddress address) {
    return new Peer("TCP", address);
  }

  /**
   * True for transports that deliver or report failure themselves (§17.1.1.2: TCP, TLS,
   * SCTP). Retransmission timers A, E and G run only when this is false, and the wait timers
   * D, I, J and K are zero when it is true.
   */
  public boolean reliable() {
    return !transport.equals("UDP");
  }

  @Override
  public String toString() {
    return transport + ":" + address.getHostString() + ":" + address.getPort();
  }
}
