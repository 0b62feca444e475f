package io.callflow.sip.transaction;

import java.util.HashMap;
import java.util.Map;

/**
 * One {@link Peer} per remote address and transport on a loop, taken when a transaction is
 * created. Every datagram arrives with a fresh source address (four small objects); the
 * transactions a call leaves lingering for 64*T1 each kept their own copy. Sharing one per
 * peer keeps that lingering part small, which is what the young collections copy. Bounded: when full it starts again empty, so a flood of
 * new source addresses costs only the sharing, never memory. Used on one loop only.
 */
final class PeerCache {

  /** A PBX, a few trunks and the agent phones fit many times over. */
  static final int LIMIT = 4096;

  private final Map<Peer, Peer> peers = new HashMap<>();

  /** The shared peer equal to {@code peer}, which becomes the shared one when new. */
  Peer canonical(Peer peer) {
    Peer known = peers.get(peer);
    if (known != null) {
      return known;
    }
    if (peers.size() >= LIMIT) {
      peers.clear();
    }
    peers.put(peer, peer);
    return peer;
  }

  int size() {
    return peers.size();
  }
}
