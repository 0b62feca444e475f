package io.callflow.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.b2bua.NextHop;
import io.callflow.sip.transaction.Peer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HopPeersTest {

  @Test
  void requestsToOneIpAddressShareOnePeer() {
    Peer first = NextHop.peer("sip:1001@192.0.2.10:5070", "UDP");
    Peer second = NextHop.peer("<sip:1002@192.0.2.10:5070;user=phone>", "UDP");
    Peer inDialog = Shard.peerFor("sip:agent@192.0.2.10:5070");

    assertThat(second).isSameAs(first);
    assertThat(inDialog).isSameAs(first);
    assertThat(first).isEqualTo(new Peer("UDP", new InetSocketAddress("192.0.2.10", 5070)));
  }

  @Test
  void anotherPortTransportOrAddressIsAnotherPeer() {
    Peer udp = HopPeers.of("UDP", "192.0.2.11", 5060);

    assertThat(HopPeers.of("TCP", "192.0.2.11", 5060)).isEqualTo(Peer.tcp(
        new InetSocketAddress("192.0.2.11", 5060))).isNotEqualTo(udp);
    assertThat(HopPeers.of("UDP", "192.0.2.11", 5061).address().getPort()).isEqualTo(5061);
    assertThat(HopPeers.of("UDP", "192.0.2.12", 5060).address().getHostString())
        .isEqualTo("192.0.2.12");
  }

  @Test
  void anIpv6AddressIsSharedToo() {
    Peer first = NextHop.peer("sip:1001@[2001:db8::1]:5060", "UDP");

    assertThat(NextHop.peer("sip:1002@[2001:db8::1]:5060", "UDP")).isSameAs(first);
    assertThat(first.address().getPort()).isEqualTo(5060);
  }

  @Test
  void aHostNameIsLookedUpForEachRequestAsBeforeSoADnsChangeIsSeen() {
    Peer first = HopPeers.of("UDP", "localhost", 5060);
    Peer second = HopPeers.of("UDP", "localhost", 5060);

    assertThat(second).isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void aFloodOfNewAddressesNeverHoldsMoreThanTheLimit() {
    for (int i = 0; i < HopPeers.LIMIT + 100; i++) {
      HopPeers.of("UDP", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), 5060);
    }

    assertThat(HopPeers.size()).isLessThanOrEqualTo(HopPeers.LIMIT);
  }

  /**
   * A peer of its own per request, with its address, cost 168 bytes, and the call's UAC core
   * and application ACK kept it for 64*T1; a shared one costs the lookup key alone. Figures in
   * docs/sip-transactions.md.
   */
  @Test
  void takingTheSharedPeerForARequestAllocatesOnlyItsLookupKey() {
    int requests = 10_000;
    Runnable lookUp = () -> {
      for (int i = 0; i < requests; i++) {
        HopPeers.of("UDP", "192.0.2.20", 5060);
      }
    };
    lookUp.run();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    lookUp.run();

    long bytes = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(bytes / requests).isLessThan(40);
  }
}
