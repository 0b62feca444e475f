package io.callflow.sip.transport;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an inbound message came from: what RFC 3261 §18.2.2 needs to answer it, and what
 * transaction matching needs to tell transports apart.
 *
 * @param transport the transport it arrived on
 * @param remote the peer's address (datagram source, or the connection's remote end)
 * @param local the local address it arrived on
 * @param connection the stream connection it arrived on; empty for UDP
 */
public record Source(Transport transport, InetSocketAddress remote, InetSocketAddress local,
                     Optional<SipConnection> connection) {

  public Source {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(connection, "connection");
  }

  /** A UDP source; for tests of the layers above, too. */
  public static Source udp(InetSocketAddress remote, InetSocketAddress local) {
    return new Source(Transport.UDP, remote, local, Optional.empty());
  }
}
