package io.callflow.sip.stack;

import io.callflow.sip.transaction.Peer;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link Peer} per next hop the B2BUA sends to (transport, IP address, port), shared by
 * every request, transaction and dialog that goes there. Each request used to build its own
 * Peer and {@link InetSocketAddress} (with its holder and parsed address), and the client
 * transaction, the UAC core and an application ACK then kept that copy for 64*T1 after the
 * call. A PBX, a few trunks and the agent phones are a handful of hops.
 *
 * <p>Only IP literals are shared: a host name is looked up when its request is made, exactly
 * as before, so a changed DNS record is seen by the next call and no name is resolved more
 * often than it was. Bounded: when full it starts again empty, so a flood of new addresses
 * costs only the sharing, never memory. Thread-safe: next hops are taken on any event loop.
 */
public final class HopPeers {

  /** A PBX, a few trunks and the agent phones fit many times over. */
  static final int LIMIT = 4096;

  private static final ConcurrentMap<Hop, Peer> PEERS = new ConcurrentHashMap<>();

  private HopPeers() {
  }

  /** The peer {@code host}:{@code port} over {@code transport}; shared when host is an IP address. */
  public static Peer of(String transport, String host, int port) {
    if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
      return new Peer(transport, new InetSocketAddress(host, port));
    }
    Hop hop = new Hop(transport, host, port);
    Peer known = PEERS.get(hop);
    if (known != null) {
      return known;
    }
    if (PEERS.size() >= LIMIT) {
      PEERS.clear();
    }
    Peer made = new Peer(transport, new InetSocketAddress(host, port));
    Peer raced = PEERS.putIfAbsent(hop, made);
    return raced != null ? raced : made;
  }

  static int size() {
    return PEERS.size();
  }

  private record Hop(String transport, String host, int port) {}
}
