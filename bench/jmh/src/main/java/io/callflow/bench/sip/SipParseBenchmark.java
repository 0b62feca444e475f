package io.callflow.bench.sip;

import io.callflow.sip.codec.DatagramFramer;
import io.callflow.sip.codec.DatagramOutcome;
import io.callflow.sip.codec.SipLimits;
import io.callflow.sip.codec.SipMessageReader;
import io.callflow.sip.codec.Verdict;
import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessageParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Inbound cost of one typical INVITE with SDP (983 bytes): what the UDP path does per datagram
 * (frame, parse with jain-sip-ri, validate) against the parse alone, and framing with the
 * header scan alone. The gap is the price of validation, which must stay small (target:
 * 80,000 ops/s on one core for the whole path).
 *
 * <p>Run: {@code taskset -c 1 java -jar bench/jmh/target/benchmarks.jar sip -f 3 -wi 3 -i 5}. Iterations
 * keep JMH's default 10 s: pinned to one core, the JIT compiles jain-sip's parser slowly and
 * shorter warm-ups measure the interpreter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
public class SipParseBenchmark {

  static final String SDP = "v=0\r\n"
      + "o=pbx 2890844526 2890844526 IN IP4 10.20.0.10\r\n"
      + "s=call\r\n"
      + "c=IN IP4 10.20.0.10\r\n"
      + "t=0 0\r\n"
      + "m=audio 49170 RTP/AVP 8 0 101\r\n"
      + "a=rtpmap:8 PCMA/8000\r\n"
      + "a=rtpmap:0 PCMU/8000\r\n"
      + "a=rtpmap:101 telephone-event/8000\r\n"
      + "a=fmtp:101 0-15\r\n"
      + "a=ptime:20\r\n"
      + "a=sendrecv\r\n";

  /** From, Call-ID, CSeq and the capabilities, the same in the INVITE and its answers. */
  static final String DIALOG_HEADERS = "From: \"Customer\" <sip:+15550001234@pbx.callcentre.example>;tag=a73kszlfl\r\n"
      + "Call-ID: 7f3a9c2e-1b4d-4e8f-9a6b-0c5d2e7f8a91@10.20.0.10\r\n"
      + "CSeq: 102 INVITE\r\n"
      + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO, REFER, NOTIFY\r\n"
      + "Supported: replaces, timer\r\n"
      + "Session-Expires: 1800;refresher=uac\r\n";

  static final String INVITE = "INVITE sip:4021@agents.callcentre.example:5060 SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP 10.20.0.10:5060;branch=z9hG4bK-524287-1---5b3c2f1e0a9d7c61;rport\r\n"
      + "Via: SIP/2.0/UDP 10.20.0.2:5060;branch=z9hG4bK-d8754z-77aa11bb22cc;received=10.20.0.2\r\n"
      + "Max-Forwards: 69\r\n"
      + "Record-Route: <sip:10.20.0.10;lr>\r\n"
      + "Contact: <sip:+15550001234@10.20.0.10:5060;transport=udp>\r\n"
      + "To: <sip:4021@agents.callcentre.example>\r\n"
      + DIALOG_HEADERS
      + "User-Agent: PBX 12.4.1\r\n"
      + "Content-Type: application/sdp\r\n"
      + "Content-Length: " + SDP.length() + "\r\n"
      + "\r\n"
      + SDP;

  private final byte[] bytes = INVITE.getBytes(StandardCharsets.US_ASCII);
  private final DatagramFramer framer = new DatagramFramer(SipLimits.defaults());
  private final SipMessageReader reader = new SipMessageReader();
  private final SipMessageParser parser = new SipMessageParser();

  /** Frame, parse and validate, as the UDP inbound path does. */
  @Benchmark
  public Verdict sipParseAndValidate() {
    DatagramOutcome.Framed framed = (DatagramOutcome.Framed) framer.frame(bytes);
    return reader.read(framed.frame());
  }

  /**
   * Framing and the header-block scan alone: all the validation work jain-sip does not do,
   * apart from a few constant-time checks on the parsed object.
   */
  @Benchmark
  public DatagramOutcome sipFrameOnly() {
    return framer.frame(bytes);
  }

  /**
   * The parse alone: jain-sip-ri's StringMsgParser with header parsers created without
   * reflection (SipMessageParser), no framing or validation.
   */
  @Benchmark
  public ParseResult sipParseOnly() {
    return parser.parse(bytes);
  }
}
