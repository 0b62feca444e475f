package io.callflow.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.SipRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipMessageReaderTest {

  static final String OPTIONS = "OPTIONS sip:bob@example.com SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
      + "Max-Forwards: 70\r\n"
      + "To: <sip:bob@example.com>\r\n"
      + "From: <sip:alice@example.com>;tag=1928301774\r\n"
      + "Call-ID: a84b4c76e66710\r\n"
      + "CSeq: 1 OPTIONS\r\n"
      + "Content-Length: 0\r\n\r\n";

  final SipMessageReader reader = new SipMessageReader();
  final DatagramFramer framer = new DatagramFramer(SipLimits.defaults());

  private Verdict read(String datagram) {
    return reader.read(((DatagramOutcome.Framed) framer.frame(datagram.getBytes(StandardCharsets.UTF_8))).frame());
  }

  @Test
  void wellFormedRequestIsAccepted() {
    Verdict verdict = read(OPTIONS);
    assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
    assertThat(((SipRequest) ((Verdict.Accepted) verdict).message()).method()).isEqualTo("OPTIONS");
  }

  @Test
  void unknownSipVersionIsRejectedWith505() {
    Verdict verdict = read(OPTIONS.replace("SIP/2.0\r\n", "SIP/7.0\r\n"));
    assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
    assertThat(((Verdict.Rejected) verdict).status()).isEqualTo(505);
    assertThat(((Verdict.Rejected) verdict).detail()).isEqualTo("Version Not Supported");
  }

  @Test
  void cseqMethodDifferentFromRequestMethodIsRejectedWith400() {
    Verdict verdict = read(OPTIONS.replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"));
    assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.reason()).isEqualTo(FailureReason.CSEQ_MISMATCH);
    });
  }

  @Test
  void malformedHeaderTheStackReliesOnIsRejectedNamingIt() {
    Verdict verdict = read(OPTIONS.replace("CSeq: 1 OPTIONS", "CSeq: 99999999999999999999 OPTIONS"));
    assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo(FailureReason.MALFORMED_HEADER);
      assertThat(r.detail()).isEqualTo("Bad Request (malformed CSeq)");
    });
  }

  @Test
  void malformedExpiresIsRejectedRatherThanDroppedSoARegistrarNeverGrantsItsDefaultInstead() {
    Verdict verdict = read(OPTIONS.replace("CSeq:", "Expires: soon\r\nCSeq:"));
    assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r ->
        assertThat(r.detail()).isEqualTo("Bad Request (malformed Expires)"));
  }

  @Test
  void malformedHeaderNobodyUsesIsTolerated() {
    assertThat(read(OPTIONS.replace("CSeq:", "Date: yesterday-ish\r\nCSeq:"))).isInstanceOf(Verdict.Accepted.class);
  }

  @Test
  void badRequestWithoutUsableViaOrAnAckIsDroppedNotAnswered() {
    assertThat(read(OPTIONS.replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE").replace("Via: SIP/2.0/UDP", "Via: garbage")))
        .isInstanceOf(Verdict.Dropped.class);
    assertThat(read(OPTIONS.replace("OPTIONS", "ACK").replace("CSeq: 1 ACK", "CSeq: 1 INVITE")))
        .isInstanceOf(Verdict.Dropped.class);
  }

  @Test
  void badResponseIsDropped() {
    String response = "SIP/2.0 200 OK\r\n" + OPTIONS.substring(OPTIONS.indexOf("Via"));
    assertThat(read(response)).isInstanceOf(Verdict.Accepted.class);
    assertThat(read(response.replace("CSeq: 1 OPTIONS", "CSeq: x OPTIONS")))
        .isEqualTo(new Verdict.Dropped(FailureReason.MALFORMED_HEADER, "response: Bad Request (malformed CSeq)"));
  }

  @Test
  void unparseableRequestLineIsAnsweredFromItsHeaders() {
    Verdict verdict = read(OPTIONS.replace("OPTIONS sip:bob@example.com SIP/2.0", "OPTIONS <sip:bob@example.com> SIP/2.0"));
    assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo(FailureReason.BAD_START_LINE);
      assertThat(r.request().callId()).contains("a84b4c76e66710");
    });
  }

  @Test
  void garbageIsDroppedAsUnparseable() {
    assertThat(reader.read(new SipFrame(new byte[] {1, 2, 3, '\r', '\n'}, java.util.Optional.empty())))
        .isInstanceOfSatisfying(Verdict.Dropped.class, d -> assertThat(d.reason()).isEqualTo(FailureReason.UNPARSEABLE));
  }
}
