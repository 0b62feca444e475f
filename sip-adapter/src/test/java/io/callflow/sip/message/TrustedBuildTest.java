package io.callflow.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SipRequestBuilder#buildTrusted()} reads as {@link SipRequestBuilder#build()} does. */
class TrustedBuildTest {

  private static SipRequestBuilder builder(String fromUri) {
    return SipRequest.builder("BYE", "sip:agent@10.0.0.2:5062;transport=udp")
        .from("Front \"Desk\"", fromUri, "f1")
        .to("", "sip:agent@10.0.0.2", "t9")
        .callId("cid-1@10.0.0.5")
        .cseq(3)
        .via("udp", "10.0.0.5", 5060, "z9hG4bK-7")
        .contact("sip:b2bua@10.0.0.5:5060")
        .routes(List.of("sip:proxy.example.com;lr"))
        .header("Reason", "Q.850;cause=16")
        .body("application/sdp", SipMessageTest.SDP.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyAccessorAnswersAsTheParsedRequestDoes() {
    SipRequest parsed = builder("sip:pbx@10.0.0.1").build();
    SipRequest trusted = builder("sip:pbx@10.0.0.1").buildTrusted();
    assertThat(trusted.method()).isEqualTo(parsed.method());
    assertThat(trusted.requestUri()).isEqualTo(parsed.requestUri());
    assertThat(trusted.callId()).isEqualTo(parsed.callId());
    assertThat(trusted.cseq()).isEqualTo(parsed.cseq());
    assertThat(trusted.topVia()).isEqualTo(parsed.topVia());
    assertThat(trusted.from()).isEqualTo(parsed.from());
    assertThat(trusted.to()).isEqualTo(parsed.to());
    assertThat(trusted.fromTag()).isEqualTo(parsed.fromTag());
    assertThat(trusted.toTag()).isEqualTo(parsed.toTag());
    assertThat(trusted.routes()).isEqualTo(parsed.routes());
    assertThat(trusted.header("Reason")).isEqualTo(parsed.header("Reason"));
    assertThat(trusted.body()).isEqualTo(parsed.body());
    assertThat(trusted.startLine()).isEqualTo(parsed.startLine());
  }

  @Test
  void whatTheStackReadsAndSendingNeedNoParse() {
    SipRequest trusted = builder("sip:pbx@10.0.0.1").buildTrusted();
    trusted.method();
    trusted.requestUri();
    trusted.callId();
    trusted.cseq();
    trusted.topVia();
    trusted.from();
    trusted.to();
    trusted.fromTag();
    trusted.toTag();
    trusted.encode();
    assertThat(trusted.isParsed()).isFalse();
    trusted.routes();
    assertThat(trusted.isParsed()).isTrue();
  }

  @Test
  void aDialogsBracketedAddressesAreReadFromTheParse() {
    SipRequest trusted = SipRequest.builder("BYE", "sip:agent@10.0.0.2:5062")
        .from("", "\"Desk\" <sip:pbx@10.0.0.1>", "f1")
        .to("", "<sip:agent@10.0.0.2>", "t9")
        .callId("cid-2").cseq(4).via("UDP", "10.0.0.5", 5060, "z9hG4bK-8").buildTrusted();
    assertThat(trusted.callId()).contains("cid-2");
    assertThat(trusted.isParsed()).isFalse();
    assertThat(trusted.from().orElseThrow().displayName()).isEqualTo("Desk");
    assertThat(trusted.from().orElseThrow().uri()).isEqualTo("sip:pbx@10.0.0.1");
    assertThat(trusted.toTag()).contains("t9");
    assertThat(trusted.isParsed()).isTrue();
  }

  @Test
  void sendsTheBytesItWasBuiltAsWhichParseToTheSameMessage() {
    SipRequest trusted = builder("sip:pbx@10.0.0.1").buildTrusted();
    SipMessage again = SipMessageTest.parsed(new String(trusted.encode(), StandardCharsets.UTF_8));
    assertThat(again.encode()).isEqualTo(builder("sip:pbx@10.0.0.1").build().encode());
    assertThat(trusted.encode()).isNotSameAs(trusted.encode());
  }

  @Test
  void aFromGivenWithItsOwnBracketsIsReadFromTheParse() {
    SipRequest trusted = builder("<sip:pbx@10.0.0.1;user=phone>").buildTrusted();
    assertThat(trusted.from().orElseThrow().uri()).isEqualTo("sip:pbx@10.0.0.1;user=phone");
    assertThat(trusted.fromTag()).contains("f1");
  }

  @Test
  void editsOfATrustedRequestStartFromItsParse() {
    SipRequest trusted = builder("sip:pbx@10.0.0.1").buildTrusted();
    SipRequest edited = trusted.withHeader("Reason", "Q.850;cause=41");
    assertThat(edited.header("Reason")).contains("Q.850;cause=41");
    assertThat(trusted.header("Reason")).contains("Q.850;cause=16");
    assertThat(edited.callId()).isEqualTo(trusted.callId());
  }

  @Test
  void withAssertionsOnAValueThatWouldNotParseFailsWhereItIsBuilt() {
    assertThat(TrustedBuildTest.class.desiredAssertionStatus()).as("tests run with -ea").isTrue();
    SipRequestBuilder bad = builder("sip:pbx@10.0.0.1").header("Max-Forwards", "many");
    assertThatThrownBy(bad::buildTrusted).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Max-Forwards");
  }

  @Test
  void parsedMethodsAreTheSharedConstants() {
    SipRequest parsed = SipMessageTest.invite();
    assertThat(parsed.method()).isSameAs("INVITE");
    assertThat(parsed.cseq().orElseThrow().method()).isSameAs("INVITE");
    assertThat(Methods.canonical(new String("FOO"))).isEqualTo("FOO");
  }

  @Test
  void aStoredMessageNamesItsMethodOrStatus() {
    SipRequest bye = builder("sip:pbx@10.0.0.1").build();
    assertThat(StoredMessage.of(bye)).hasToString("BYE");
    assertThat(StoredMessage.of(bye.createResponse(481, null, "x"))).hasToString("481");
    assertThat(StoredMessage.of(bye).message().encode()).isEqualTo(bye.encode());
  }
}
