package io.callflow.bench.sip;

import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
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
 * What one message copy costs: the edits the B2BUA makes to every call's messages (a header
 * replaced, a Via pushed or stamped with {@code received}, an SDP body swapped, a response
 * formed from a request), on the 983-byte INVITE of {@link SipParseBenchmark} and a 200 OK
 * with SDP. Allocation per copy is the figure that matters (young-GC frequency limits call
 * setup), so run it with {@code -prof gc} and read {@code gc.alloc.rate.norm} (bytes per
 * operation).
 *
 * <p>Run: {@code java -jar bench/jmh/target/benchmarks.jar MessageCopyBenchmark -f 1 -wi 3 -i 5 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class MessageCopyBenchmark {

  static final String OK = "SIP/2.0 200 OK\r\n"
      + "Via: SIP/2.0/UDP 10.20.0.10:5060;branch=z9hG4bK-524287-1---5b3c2f1e0a9d7c61;rport=5060\r\n"
      + "Via: SIP/2.0/UDP 10.20.0.2:5060;branch=z9hG4bK-d8754z-77aa11bb22cc;received=10.20.0.2\r\n"
      + "Record-Route: <sip:10.20.0.10;lr>\r\n"
      + "Contact: <sip:4021@10.30.0.21:5060>\r\n"
      + "To: <sip:4021@agents.callcentre.example>;tag=9fxced76sl\r\n"
      + SipParseBenchmark.DIALOG_HEADERS
      + "Server: Agent phone 4.2\r\n"
      + "Content-Type: application/sdp\r\n"
      + "Content-Length: " + SipParseBenchmark.SDP.length() + "\r\n"
      + "\r\n"
      + SipParseBenchmark.SDP;

  private static final byte[] ANSWER = SipParseBenchmark.SDP.replace("10.20.0.10", "10.20.0.99")
      .getBytes(StandardCharsets.US_ASCII);

  private final SipRequest invite = (SipRequest) parse(SipParseBenchmark.INVITE);
  private final SipResponse ok = (SipResponse) parse(OK);

  private static SipMessage parse(String text) {
    ParseResult result = new SipMessageParser().parse(text.getBytes(StandardCharsets.US_ASCII));
    return ((ParseResult.Parsed) result).message();
  }

  /** One header replaced, e.g. Max-Forwards decremented on the way out. */
  @Benchmark
  public SipRequest inviteWithHeader() {
    return invite.withHeader("Max-Forwards", "68");
  }

  /** A Via pushed on top, as a proxy does (RFC 3261 §16.6 step 8). */
  @Benchmark
  public SipRequest inviteWithTopVia() {
    return invite.withTopHeader("Via", "SIP/2.0/UDP 10.20.0.5:5060;branch=z9hG4bK-b2b-1;rport");
  }

  /** The top Via stamped with received and rport (RFC 3261 §18.2.1, RFC 3581). */
  @Benchmark
  public SipRequest inviteWithViaReceived() {
    return invite.withViaReceived("10.20.0.77", 40000);
  }

  /** A 200 OK's header replaced (a Contact rewritten by the B2BUA). */
  @Benchmark
  public SipResponse okWithHeader() {
    return ok.withHeader("Contact", "<sip:b2bua@10.20.0.5:5060>");
  }

  /** A 200 OK's SDP replaced (media anchored elsewhere). */
  @Benchmark
  public SipResponse okWithBody() {
    return ok.withBody("application/sdp", ANSWER);
  }

  /** A 180 Ringing formed from the INVITE, adding a To tag (RFC 3261 §8.2.6). */
  @Benchmark
  public SipResponse createResponseWithTag() {
    return invite.createResponse(180, null, "b2b-7731");
  }

  /** A 100 Trying formed from the INVITE, without a To tag. */
  @Benchmark
  public SipResponse createResponseWithoutTag() {
    return invite.createResponse(100, null);
  }
}
