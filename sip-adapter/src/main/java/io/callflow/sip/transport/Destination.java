package io.callflow.sip.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where to send a request: a transport and an address already resolved by the caller (RFC 3263
 * lookups, if any, happen above; this layer never resolves names).
 *
 * @param transport UDP datagram, or TCP on an open connection to {@code address} or a new one
 * @param address the peer's IP address and port
 */
public record Destination(Transport transport, InetSocketAddress address) {

  public Destination {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("destination must be an IP address, not a name: " + address);
    }
  }
}
