package io.callflow.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.SipRequest;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ResponseRoutingTest {

  static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.10", 40123);
  static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5060);

  private static InetSocketAddress routed(String via) {
    SipRequest request = ((SipRequest) Messages.parse(Messages.OPTIONS)).withHeader("Via", via)
        .withViaReceived(SOURCE.getAddress().getHostAddress(), SOURCE.getPort());
    return ResponseRouting.destination(request.createResponse(200, "OK"), Source.udp(SOURCE, LOCAL));
  }

  @Test
  void goesToSourceIpAtSentByPortNeverToTheViaHost() {
    assertThat(routed("SIP/2.0/UDP pc33.example.com:5070;branch=z9hG4bK1"))
        .isEqualTo(new InetSocketAddress("192.0.2.10", 5070));
  }

  @Test
  void defaultsToPort5060WhenSentByHasNoPort() {
    assertThat(routed("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK1"))
        .isEqualTo(new InetSocketAddress("192.0.2.10", 5060));
  }

  @Test
  void goesToTheSourcePortWhenViaHasRport() {
    assertThat(routed("SIP/2.0/UDP pc33.example.com:5070;branch=z9hG4bK1;rport"))
        .isEqualTo(new InetSocketAddress("192.0.2.10", 40123));
  }
}
