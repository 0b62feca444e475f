package io.callflow.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.codec.SipLimits;
import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.SipResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RFC 4475 message through the real inbound path, as a datagram and as a TCP stream,
 * judged by VERDICTS.tsv (the file names' _V/_I suffixes are not the oracle).
 */
class Rfc4475CorpusTest {

  static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.77", 40000);
  static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5060);
  static final Duration IDLE = Duration.ofSeconds(30);

  /**
   * What this service answers each {@code reject} row with; 0 where no response can be formed
   * (no usable Via, a response, or a start line that hides everything).
   */
  static final Map<String, Integer> REJECT_STATUS = Map.ofEntries(
      Map.entry("TC_BADINV01_I.dat", 0),     // Via itself is malformed: nowhere to answer
      Map.entry("TC_CLERR_I.dat", 400),
      Map.entry("TC_NCL_I.dat", 400),
      Map.entry("TC_SCALAR02_V.dat", 400),
      Map.entry("TC_SCALARLG_V.dat", 0),     // a response
      Map.entry("TC_QUOTBAL_I.dat", 400),
      Map.entry("TC_LTGTRURI_I.dat", 400),
      Map.entry("TC_LWSRURI_I.dat", 400),
      Map.entry("TC_BADASPEC_I.dat", 400),
      Map.entry("TC_BADDN_I.dat", 400),
      Map.entry("TC_BADVERS_V.dat", 505),
      Map.entry("TC_MISMATCH01_V.dat", 400),
      Map.entry("TC_MISMATCH02_V.dat", 400),
      Map.entry("TC_BIGCODE_V.dat", 0),      // a response
      Map.entry("TC_TEST_I.dat", 0));        // no Via

  static List<Rfc4475Corpus.Row> rows() {
    return Rfc4475Corpus.rows();
  }

  @Test
  void corpusHasAllFiftyRows() {
    assertThat(rows()).hasSize(50);
  }

  @ParameterizedTest(name = "{0} over UDP")
  @MethodSource("rows")
  void datagramIsHandledAsTheOracleSays(Rfc4475Corpus.Row row) {
    RecordingHandler app = new RecordingHandler();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EmbeddedChannel channel = new EmbeddedChannel();
    SipPipelines.udp(channel.pipeline(), SipLimits.defaults(), app, new SipMetrics(registry));

    channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(Rfc4475Corpus.bytes(row)), LOCAL, PEER));

    List<DatagramPacket> sent = drain(channel);
    List<Integer> statuses = new ArrayList<>();
    for (DatagramPacket packet : sent) {
      SipResponse response = response(packet.content());
      statuses.add(response.statusCode());
      assertThat(packet.recipient().getAddress()).isEqualTo(PEER.getAddress());
      assertThat(packet.recipient().getPort()).isEqualTo(response.topVia().orElseThrow().portOrDefault());
      assertThat(response.topVia().orElseThrow().received()).contains(PEER.getAddress().getHostAddress());
      packet.release();
    }
    assertVerdict(row, row.udp(), app, statuses, failures(registry));
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @ParameterizedTest(name = "{0} over TCP")
  @MethodSource("rows")
  void streamIsHandledAsTheOracleSays(Rfc4475Corpus.Row row) {
    RecordingHandler app = new RecordingHandler();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ManualScheduler scheduler = new ManualScheduler();
    EmbeddedChannel channel = new AddressedChannel();
    SipPipelines.tcp(channel.pipeline(), SipLimits.defaults(), scheduler, IDLE, app, new SipMetrics(registry));

    channel.writeInbound(Unpooled.wrappedBuffer(Rfc4475Corpus.bytes(row)));
    // The peer half-closes after its message: the end of the stream ends a header block that
    // lacks its blank line (TC_BADDN_I), and nothing else changes.
    channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);

    List<Integer> statuses = new ArrayList<>();
    for (ByteBuf buf : this.<ByteBuf>drain(channel)) {
      statuses.add(response(buf).statusCode());
      buf.release();
    }
    switch (row.tcp()) {
      case "wait" -> {
        assertThat(app.messages).isEmpty();
        assertThat(statuses).isEmpty();
        assertThat(channel.isOpen()).as("framer waits for the promised body").isTrue();
        scheduler.advance(IDLE);
        channel.runPendingTasks();
        assertThat(channel.isOpen()).as("idle timeout closes it").isFalse();
      }
      case "close" -> {
        assertThat(app.messages).isEmpty();
        assertThat(statuses).isEmpty();
        assertThat(channel.isOpen()).isFalse();
        assertThat(failures(registry)).isEqualTo(1.0);
      }
      case "two" -> {
        // The octets after the second body ("C" CRLF CRLF) are a third, broken message: no
        // Content-Length, so the connection closes after both messages were handled.
        assertThat(app.messages).hasSize(2);
        assertThat(statuses).isEmpty();
      }
      default -> {
        assertVerdict(row, row.tcp(), app, statuses, failures(registry));
        assertThat(channel.isOpen()).isTrue();
        app.sources.forEach(s -> assertThat(s.connection()).isPresent());
      }
    }
    channel.finishAndReleaseAll();
  }

  @Test
  void crlfOnlyDatagramIsDroppedSilently() {
    RecordingHandler app = new RecordingHandler();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EmbeddedChannel channel = new EmbeddedChannel();
    SipPipelines.udp(channel.pipeline(), SipLimits.defaults(), app, new SipMetrics(registry));

    channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {'\r', '\n', '\r', '\n'}), LOCAL, PEER));

    assertThat(app.messages).isEmpty();
    assertThat(failures(registry)).isZero();
    assertFalse(channel.finish());
  }

  private static void assertVerdict(Rfc4475Corpus.Row row, String verdict, RecordingHandler app,
                                    List<Integer> statuses, double failures) {
    switch (verdict) {
      case "accept" -> {
        assertThat(app.messages).as("reaches the application").hasSize(1);
        assertThat(statuses).isEmpty();
        assertThat(failures).isZero();
      }
      case "reject" -> {
        assertThat(app.messages).as("never reaches the application").isEmpty();
        int expected = REJECT_STATUS.get(row.file());
        assertThat(statuses).isEqualTo(expected == 0 ? List.of() : List.of(expected));
        assertThat(failures).isEqualTo(1.0);
      }
      case "either" -> {
        boolean accepted = app.messages.size() == 1 && statuses.isEmpty();
        boolean rejected = app.messages.isEmpty() && statuses.equals(List.of(400));
        assertThat(accepted || rejected).as("accepted, or answered 400; got %s and %s", app.messages, statuses)
            .isTrue();
      }
      default -> throw new IllegalArgumentException("unknown verdict " + verdict);
    }
  }

  private static SipResponse response(ByteBuf buf) {
    ParseResult parsed = new SipMessageParser().parse(ByteBufUtil.getBytes(buf));
    assertThat(parsed).isInstanceOf(ParseResult.Parsed.class);
    return (SipResponse) ((ParseResult.Parsed) parsed).message();
  }

  private <T> List<T> drain(EmbeddedChannel channel) {
    List<T> out = new ArrayList<>();
    for (T next = channel.readOutbound(); next != null; next = channel.readOutbound()) {
      out.add(next);
    }
    return out;
  }

  private static double failures(SimpleMeterRegistry registry) {
    return registry.find(SipMetrics.PARSE_FAILURES).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** An EmbeddedChannel with real socket addresses, as a TCP connection has. */
  static final class AddressedChannel extends EmbeddedChannel {
    @Override
    protected SocketAddress remoteAddress0() {
      return PEER;
    }

    @Override
    protected SocketAddress localAddress0() {
      return LOCAL;
    }
  }
}
