package io.callflow.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SharedValuesTest {

  private final SharedValues<Peer> cache = new SharedValues<>();

  private static Peer udp(int port) {
    return Peer.udp(new InetSocketAddress("127.0.0.1", port));
  }

  @Test
  void datagramsFromOneAddressShareOnePeer() {
    Peer first = cache.canonical(udp(5060));

    assertThat(cache.canonical(udp(5060))).isSameAs(first);
    assertThat(cache.canonical(udp(5061))).isNotSameAs(first);
    assertThat(cache.canonical(Peer.tcp(new InetSocketAddress("127.0.0.1", 5060)))).isNotEqualTo(first);
  }

  @Test
  void aFloodOfNewAddressesNeverGrowsItBeyondItsLimit() {
    for (int port = 1; port <= SharedValues.LIMIT * 3; port++) {
      Peer peer = udp(port);
      assertThat(cache.canonical(peer)).isEqualTo(peer);
    }

    assertThat(cache.size()).isLessThanOrEqualTo(SharedValues.LIMIT);
  }
}
