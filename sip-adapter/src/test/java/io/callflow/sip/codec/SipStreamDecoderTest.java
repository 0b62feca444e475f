package io.callflow.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SipStreamDecoderTest {

  static final String SDP = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
      + "m=audio 4000 RTP/AVP 0\r\n";
  static final String INVITE = "INVITE sip:bob@example.com SIP/2.0\r\n"
      + "Via: SIP/2.0/TCP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
      + "Max-Forwards: 70\r\n"
      + "To: <sip:bob@example.com>\r\n"
      + "From: <sip:alice@example.com>;tag=1928301774\r\n"
      + "Call-ID: a84b4c76e66710\r\n"
      + "CSeq: 1 INVITE\r\n"
      + "Content-Type: application/sdp\r\n"
      + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP;
  static final String OPTIONS = "OPTIONS sip:bob@example.com SIP/2.0\r\n"
      + "v: SIP/2.0/TCP pc33.example.com;branch=z9hG4bK776asdhdt\r\n"
      + "Max-Forwards: 70\r\n"
      + "t: <sip:bob@example.com>\r\n"
      + "f: <sip:alice@example.com>;tag=1928301775\r\n"
      + "i: a84b4c76e66711\r\n"
      + "CSeq: 2 OPTIONS\r\n"
      + "l: 0\r\n\r\n";
  static final String PING = "\r\n\r\n";

  /** Counts what the decoder reports. */
  static final class Counting implements SipTrafficObserver {
    final List<FailureReason> failures = new ArrayList<>();
    int keepAlives;

    @Override
    public void failure(FailureReason reason) {
      failures.add(reason);
    }

    @Override
    public void keepAlive() {
      keepAlives++;
    }
  }

  @Test
  void everySplitOfTwoMessagesAndAPingYieldsTheSameFramesAndOnePong() {
    byte[] stream = (INVITE + PING + OPTIONS).getBytes(StandardCharsets.US_ASCII);
    for (int size = 1; size <= stream.length; size++) {
      Counting observer = new Counting();
      EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(SipLimits.defaults(), observer));
      for (int from = 0; from < stream.length; from += size) {
        channel.writeInbound(Unpooled.wrappedBuffer(stream, from, Math.min(size, stream.length - from)));
      }
      List<String> frames = new ArrayList<>();
      for (SipFrame frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
        assertThat(frame.defect()).isEmpty();
        frames.add(new String(frame.bytes(), StandardCharsets.US_ASCII));
      }
      assertThat(frames).as("fragment size %d", size).containsExactly(INVITE, OPTIONS);
      ByteBuf pong = channel.readOutbound();
      assertThat(ByteBufUtil.getBytes(pong)).as("fragment size %d", size).isEqualTo(new byte[] {'\r', '\n'});
      pong.release();
      assertThat(observer.keepAlives).isEqualTo(1);
      assertThat(observer.failures).isEmpty();
      assertFalse(channel.finish());
    }
  }

  @Test
  void strayCrlfBeforeAStartLineIsSkippedWithoutPong() {
    EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(SipLimits.defaults(), SipTrafficObserver.NONE));
    channel.writeInbound(Unpooled.copiedBuffer("\r\n" + OPTIONS, StandardCharsets.US_ASCII));
    SipFrame frame = channel.readInbound();
    assertThat(new String(frame.bytes(), StandardCharsets.US_ASCII)).isEqualTo(OPTIONS);
    assertFalse(channel.finish());
  }

  @Test
  void messageWithoutContentLengthClosesTheConnection() {
    Counting observer = new Counting();
    EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(SipLimits.defaults(), observer));
    channel.writeInbound(Unpooled.copiedBuffer(OPTIONS.replace("l: 0\r\n", "") + OPTIONS, StandardCharsets.US_ASCII));
    assertThat(channel.inboundMessages()).isEmpty();
    assertThat(channel.isOpen()).isFalse();
    assertThat(observer.failures).containsExactly(FailureReason.NO_CONTENT_LENGTH);
    assertFalse(channel.finish());
  }

  @Test
  void negativeOrConflictingContentLengthClosesTheConnection() {
    for (String bad : List.of("l: -1\r\n", "l: 0\r\nContent-Length: 5\r\n", "l: abc\r\n", "l: 99999999999\r\n")) {
      Counting observer = new Counting();
      EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(SipLimits.defaults(), observer));
      channel.writeInbound(Unpooled.copiedBuffer(OPTIONS.replace("l: 0\r\n", bad), StandardCharsets.US_ASCII));
      assertThat(channel.isOpen()).as(bad).isFalse();
      assertThat(observer.failures).containsExactly(FailureReason.BAD_CONTENT_LENGTH);
      assertFalse(channel.finish());
    }
  }

  @Test
  void eachLimitClosesTheConnectionWithItsOwnReason() {
    SipLimits small = new SipLimits(64, 300, 10, 310);
    String longLine = "OPTIONS sip:" + "a".repeat(100) + "@example.com SIP/2.0\r\n";
    assertClosedWith(small, longLine, FailureReason.START_LINE_TOO_LONG);
    assertClosedWith(small, OPTIONS.replace("CSeq", "Subject: " + "x".repeat(200) + "\r\nCSeq"),
        FailureReason.HEADERS_TOO_LONG);
    assertClosedWith(small, OPTIONS.replace("l: 0", "l: 11"), FailureReason.BODY_TOO_LONG);
    assertClosedWith(new SipLimits(64, 300, 200, 300), OPTIONS.replace("l: 0", "l: 100"),
        FailureReason.MESSAGE_TOO_LONG);
  }

  private static void assertClosedWith(SipLimits limits, String input, FailureReason reason) {
    Counting observer = new Counting();
    EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(limits, observer));
    channel.writeInbound(Unpooled.copiedBuffer(input, StandardCharsets.US_ASCII));
    assertThat(channel.isOpen()).as(reason.label()).isFalse();
    assertThat(observer.failures).containsExactly(reason);
    assertFalse(channel.finish());
  }

  @Test
  void shortBodyWaitsAndNothingIsEmitted() {
    EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(SipLimits.defaults(), SipTrafficObserver.NONE));
    channel.writeInbound(Unpooled.copiedBuffer(INVITE.substring(0, INVITE.length() - 5), StandardCharsets.US_ASCII));
    assertThat(channel.inboundMessages()).isEmpty();
    assertThat(channel.isOpen()).isTrue();
    assertFalse(channel.finish());
  }

  @Test
  void halfCloseEndsAHeaderBlockMissingItsBlankLineAndClosesAfterwards() {
    EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(SipLimits.defaults(), SipTrafficObserver.NONE));
    String unterminated = OPTIONS.substring(0, OPTIONS.length() - 2);
    channel.writeInbound(Unpooled.copiedBuffer(unterminated, StandardCharsets.US_ASCII));
    assertThat(channel.inboundMessages()).isEmpty();

    channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    SipFrame frame = channel.readInbound();
    assertThat(new String(frame.bytes(), StandardCharsets.US_ASCII)).isEqualTo(OPTIONS);
    assertThat(frame.defect()).isEqualTo(Optional.empty());

    channel.pipeline().fireUserEventTriggered(ChannelInputShutdownReadComplete.INSTANCE);
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
    channel.releaseOutbound();
    assertFalse(channel.finish());
  }
}
