package io.callflow.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SipMessageTest {

  static final String SDP = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

  static final String INVITE = "INVITE sip:bob@example.com SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP pc33.example.com:5070;branch=z9hG4bK776asdhds;rport\r\n"
      + "v: SIP/2.0/TCP proxy.example.com;branch=z9hG4bKold;received=192.0.2.9\r\n"
      + "Max-Forwards: 70\r\n"
      + "f: \"Alice\" <sip:alice@example.com>;tag=1928301774\r\n"
      + "t: <sip:bob@example.com>\r\n"
      + "i: a84b4c76e66710@pc33.example.com\r\n"
      + "CSeq: 314159 INVITE\r\n"
      + "m: <sip:alice@pc33.example.com>\r\n"
      + "Record-Route: <sip:p2.example.com;lr>, <sip:p1.example.com;lr>\r\n"
      + "Route: <sip:p3.example.com;lr>\r\n"
      + "Subject: hello\r\n"
      + "c: application/sdp\r\n"
      + "l: " + SDP.length() + "\r\n\r\n" + SDP;

  static SipRequest invite() {
    return (SipRequest) parsed(INVITE);
  }

  static SipMessage parsed(String text) {
    ParseResult result = new SipMessageParser().parse(text.getBytes(StandardCharsets.UTF_8));
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).message();
  }

  @Test
  void exposesTheFieldsTransactionsAndDialogsRead() {
    SipRequest r = invite();
    assertThat(r.method()).isEqualTo("INVITE");
    assertThat(r.requestUri()).isEqualTo("sip:bob@example.com");
    assertThat(r.sipVersion()).isEqualTo("SIP/2.0");
    assertThat(r.callId()).contains("a84b4c76e66710@pc33.example.com");
    assertThat(r.cseq()).contains(new CSeq(314159, "INVITE"));
    assertThat(r.from()).contains(new NameAddress("Alice", "sip:alice@example.com", Optional.of("1928301774")));
    assertThat(r.to()).contains(new NameAddress("", "sip:bob@example.com", Optional.empty()));
    assertThat(r.maxForwards()).hasValue(70);
    assertThat(r.contactUri()).contains("sip:alice@pc33.example.com");
    assertThat(r.recordRoutes()).containsExactly("<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>");
    assertThat(r.routes()).containsExactly("<sip:p3.example.com;lr>");
    assertThat(r.header("subject")).contains("hello");
    assertThat(r.header("i")).contains("a84b4c76e66710@pc33.example.com");
    assertThat(r.contentType()).contains("application/sdp");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(SDP);
  }

  @Test
  void readsTopViaAndAllViasWithoutResolvingHosts() {
    SipRequest r = invite();
    Via top = r.topVia().orElseThrow();
    assertThat(top.transport()).isEqualTo("UDP");
    assertThat(top.host()).isEqualTo("pc33.example.com");
    assertThat(top.port()).hasValue(5070);
    assertThat(top.branch()).contains("z9hG4bK776asdhds");
    assertThat(top.rport()).isTrue();
    assertThat(top.rportValue()).isEmpty();
    assertThat(top.hasRfc3261Branch()).isTrue();
    assertThat(r.vias()).hasSize(2);
    Via second = r.vias().get(1);
    assertThat(second.transport()).isEqualTo("TCP");
    assertThat(second.port()).isEqualTo(OptionalInt.empty());
    assertThat(second.portOrDefault()).isEqualTo(5060);
    assertThat(second.received()).contains("192.0.2.9");
  }

  @Test
  void responseCopiesViaFromToCallIdCseqAndAddsToTagOnlyWhenAsked() {
    SipRequest r = invite();
    SipResponse ringing = r.createResponse(180, null, "as83kd9bs");
    assertThat(ringing.statusCode()).isEqualTo(180);
    assertThat(ringing.reasonPhrase()).isEqualTo("Ringing");
    assertThat(ringing.vias()).isEqualTo(r.vias());
    assertThat(ringing.from()).isEqualTo(r.from());
    assertThat(ringing.to().orElseThrow().tag()).contains("as83kd9bs");
    assertThat(ringing.callId()).isEqualTo(r.callId());
    assertThat(ringing.cseq()).isEqualTo(r.cseq());
    assertThat(ringing.recordRoutes()).isEmpty();
    assertThat(ringing.bodyLength()).isZero();
    assertThat(r.createResponse(100, "Trying").to().orElseThrow().tag()).isEmpty();
    assertThat(new String(ringing.encode(), StandardCharsets.UTF_8))
        .startsWith("SIP/2.0 180 Ringing\r\n").endsWith("Content-Length: 0\r\n\r\n");
  }

  @Test
  void responseKeepsAnExistingToTag() {
    SipRequest inDialog = invite().withHeader("To", "<sip:bob@example.com>;tag=existing");
    assertThat(inDialog.createResponse(200, "OK", "other").to().orElseThrow().tag()).contains("existing");
  }

  @Test
  void responseStatusOutOfRangeIsRefused() {
    assertThatThrownBy(() -> invite().createResponse(700, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100-699");
  }

  @Test
  void builtRequestCarriesEveryGivenFieldAndEncodesToWhatItParsesFrom() {
    SipRequest r = SipRequest.builder("INVITE", "sip:agent@10.0.0.2:5062")
        .from("Front Desk", "sip:pbx@10.0.0.1", "f1")
        .to("sip:agent@10.0.0.2", null)
        .callId("cid-1")
        .cseq(7)
        .via("UDP", "10.0.0.5", 5060, "z9hG4bK-1")
        .maxForwards(69)
        .contact("sip:b2bua@10.0.0.5:5060")
        .routes(List.of("sip:proxy.example.com;lr"))
        .header("Subject", "support")
        .body("application/sdp", SDP.getBytes(StandardCharsets.UTF_8))
        .build();
    assertThat(r.cseq()).contains(new CSeq(7, "INVITE"));
    assertThat(r.from().orElseThrow().displayName()).isEqualTo("Front Desk");
    assertThat(r.topVia().orElseThrow().branch()).contains("z9hG4bK-1");
    assertThat(r.topVia().orElseThrow().rport()).isTrue();
    assertThat(r.maxForwards()).hasValue(69);
    assertThat(r.routes()).containsExactly("<sip:proxy.example.com;lr>");
    assertThat(r.header("Subject")).contains("support");
    SipRequest again = (SipRequest) parsed(new String(r.encode(), StandardCharsets.UTF_8));
    assertThat(again.encode()).isEqualTo(r.encode());
    assertThat(again.body()).isEqualTo(SDP.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void builderRefusesMissingMandatoryHeaderAndHeaderInjection() {
    assertThatThrownBy(() -> SipRequest.builder("OPTIONS", "sip:a@b").to("sip:a@b", null).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("From");
    assertThatThrownBy(() -> SipRequest.builder("OPTIONS", "sip:a@b").header("X", "a\r\nVia: evil"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SipRequest.builder("OPTIONS", "sip:a@b").via("UDP", "h", 5060, "nocookie", true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z9hG4bK");
  }

  @Test
  void ackForNonSuccessUsesTopViaRoutesAndTheResponseTo() {
    SipRequest r = invite();
    SipResponse busy = r.createResponse(486, null, "callee-tag");
    SipRequest ack = r.createAck(busy);
    assertThat(ack.method()).isEqualTo("ACK");
    assertThat(ack.requestUri()).isEqualTo(r.requestUri());
    assertThat(ack.vias()).containsExactly(r.topVia().orElseThrow());
    assertThat(ack.cseq()).contains(new CSeq(314159, "ACK"));
    assertThat(ack.to().orElseThrow().tag()).contains("callee-tag");
    assertThat(ack.from()).isEqualTo(r.from());
    assertThat(ack.callId()).isEqualTo(r.callId());
    assertThat(ack.routes()).isEqualTo(r.routes());
    assertThat(ack.bodyLength()).isZero();
    assertThatThrownBy(() -> r.createAck(r.createResponse(200, "OK", "t"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cancelMatchesTheRequestItCancels() {
    SipRequest r = invite();
    SipRequest cancel = r.createCancel();
    assertThat(cancel.method()).isEqualTo("CANCEL");
    assertThat(cancel.requestUri()).isEqualTo(r.requestUri());
    assertThat(cancel.vias()).containsExactly(r.topVia().orElseThrow());
    assertThat(cancel.cseq()).contains(new CSeq(314159, "CANCEL"));
    assertThat(cancel.to()).isEqualTo(r.to());
    assertThat(cancel.routes()).isEqualTo(r.routes());
    assertThatThrownBy(cancel::createCancel).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withMethodsReturnCopiesAndLeaveTheOriginalUnchanged() {
    SipRequest r = invite();
    SipRequest changed = r.withHeader("Max-Forwards", "10").withoutHeader("Subject")
        .withAddedHeader("Record-Route", "<sip:p0.example.com;lr>")
        .withHeaderValues("Route", List.of("<sip:a;lr>", "<sip:b;lr>"))
        .withTopHeader("Via", "SIP/2.0/TCP 10.0.0.5;branch=z9hG4bKtop")
        .withBody("text/plain", "hi".getBytes(StandardCharsets.UTF_8));
    assertThat(changed.maxForwards()).hasValue(10);
    assertThat(changed.hasHeader("Subject")).isFalse();
    assertThat(changed.recordRoutes()).hasSize(3).last().isEqualTo("<sip:p0.example.com;lr>");
    assertThat(changed.routes()).containsExactly("<sip:a;lr>", "<sip:b;lr>");
    assertThat(changed.contentType()).contains("text/plain");
    assertThat(changed.vias()).hasSize(3);
    assertThat(changed.topVia().orElseThrow().branch()).contains("z9hG4bKtop");
    assertThat(new String(changed.encode(), StandardCharsets.UTF_8)).contains("Content-Length: 2\r\n").endsWith("\r\n\r\nhi");
    assertThat(r.maxForwards()).hasValue(70);
    assertThat(r.hasHeader("Subject")).isTrue();
    assertThat(r.encode()).isEqualTo(invite().encode());
  }

  @Test
  void crlfOnlyInputIsUnparseableWithoutError() {
    assertThat(new SipMessageParser().parse("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(ParseResult.Unparseable.class);
    assertThat(new SipMessageParser().parse(new byte[0])).isInstanceOf(ParseResult.Unparseable.class);
  }

  @Test
  void viaGetsReceivedAndRportFromTheSourceWhenAskedOrWhenHostDiffers() {
    Via stamped = invite().withViaReceived("192.0.2.44", 40000).topVia().orElseThrow();
    assertThat(stamped.received()).contains("192.0.2.44");
    assertThat(stamped.rportValue()).hasValue(40000);
    assertThat(stamped.host()).isEqualTo("pc33.example.com");

    SipRequest byIp = invite().withTopHeader("Via", "SIP/2.0/UDP 192.0.2.44:5060;branch=z9hG4bKip");
    assertThat(byIp.withViaReceived("192.0.2.44", 5060)).isSameAs(byIp);
    assertThat(byIp.withViaReceived("192.0.2.45", 5060).topVia().orElseThrow().received()).contains("192.0.2.45");
  }

  @Test
  void viaReceivedTakesAnIpv6Source() {
    Via stamped = invite().withViaReceived("2001:db8:0:0:0:0:0:1", 40000).topVia().orElseThrow();
    assertThat(stamped.received()).hasValueSatisfying(r -> assertThat(r).contains("2001:db8"));
  }
}
