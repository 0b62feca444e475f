package io.callflow.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.codec.SipLimits;
import io.callflow.sip.codec.SipTrafficObserver;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipInboundDispatcherTest {

  static final InetSocketAddress LOCAL = new InetSocketAddress("::1", 5060);

  private static DatagramPacket datagram(String text, InetSocketAddress from) {
    return new DatagramPacket(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII), LOCAL, from);
  }

  @Test
  void requestFromAnIpv6PeerGetsReceivedAndRport() {
    RecordingHandler app = new RecordingHandler();
    EmbeddedChannel channel = new EmbeddedChannel();
    SipPipelines.udp(channel.pipeline(), SipLimits.defaults(), app, SipTrafficObserver.NONE);

    String withRport = Messages.OPTIONS.replace("branch=z9hG4bK776asdhds", "branch=z9hG4bK776asdhds;rport");
    channel.writeInbound(datagram(withRport, new InetSocketAddress("2001:db8::7", 40000)));

    assertThat(app.messages).singleElement().satisfies(m -> {
      assertThat(m.topVia().orElseThrow().received()).hasValueSatisfying(r -> assertThat(r).startsWith("2001:db8"));
      assertThat(m.topVia().orElseThrow().rportValue()).hasValue(40000);
    });
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void exceptionFromTheHandlerStaysInsideAndTheNextMessageStillArrives() {
    List<SipRequest> seen = new ArrayList<>();
    SipInboundHandler failingOnce = new SipInboundHandler() {
      @Override
      public void onRequest(SipRequest request, Source source) {
        seen.add(request);
        if (seen.size() == 1) {
          throw new IllegalStateException("handler bug");
        }
      }

      @Override
      public void onResponse(SipResponse response, Source source) {
      }
    };
    EmbeddedChannel channel = new EmbeddedChannel();
    SipPipelines.udp(channel.pipeline(), SipLimits.defaults(), failingOnce, SipTrafficObserver.NONE);
    InetSocketAddress peer = new InetSocketAddress("192.0.2.5", 5060);

    channel.writeInbound(datagram(Messages.OPTIONS, peer));
    channel.writeInbound(datagram(Messages.OPTIONS.replace("CSeq: 1", "CSeq: 2"), peer));
    channel.checkException();

    assertThat(seen).hasSize(2);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }
}
