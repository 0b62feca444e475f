package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpSessionTest {

  /** A desk phone's offer: audio and video, session-level IPv4 connection, no direction attribute. */
  static final String PHONE_OFFER = String.join("\r\n",
      "v=0",
      "o=- 3915432587 3915432587 IN IP4 192.0.2.10",
      "s=-",
      "c=IN IP4 192.0.2.10",
      "t=0 0",
      "m=audio 49170 RTP/AVP 0 8 101",
      "a=rtpmap:0 PCMU/8000",
      "a=rtpmap:8 PCMA/8000",
      "a=rtpmap:101 telephone-event/8000",
      "a=fmtp:101 0-15",
      "a=ptime:20",
      "m=video 51372 RTP/AVP 96",
      "a=rtpmap:96 H264/90000",
      "a=fmtp:96 profile-level-id=42e01f",
      "");

  /** A softphone's answer: IPv6 media-level connections, explicit sendrecv, a disabled stream, LF endings. */
  static final String SOFTPHONE_ANSWER = String.join("\n",
      "v=0",
      "o=jdoe 2890844526 2890842807 IN IP6 2001:db8::2",
      "s=Talk",
      "t=0 0",
      "a=sendrecv",
      "m=audio 50000 RTP/SAVP 9 101",
      "c=IN IP6 2001:db8::2",
      "a=rtpmap:9 G722/8000",
      "a=sendrecv",
      "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32",
      "m=video 0 RTP/AVP 96",
      "c=IN IP6 2001:db8::2",
      "");

  static SdpSession parse(String body) {
    SdpParseResult result = SdpSession.parse(body);
    assertThat(result).isInstanceOf(SdpParseResult.Parsed.class);
    return ((SdpParseResult.Parsed) result).session();
  }

  @Test
  void parsesOriginConnectionAndMedia() {
    SdpSession session = parse(PHONE_OFFER);

    assertThat(session.origin()).isEqualTo(new SdpOrigin("-", "3915432587", new BigInteger("3915432587"),
        "IN", "IP4", "192.0.2.10"));
    assertThat(session.connection()).contains(new SdpConnection("IN", "IP4", "192.0.2.10"));
    assertThat(session.media()).extracting(SdpMedia::type, SdpMedia::port, SdpMedia::direction)
        .containsExactly(
            tuple("audio", 49170, SdpDirection.SENDRECV),
            tuple("video", 51372, SdpDirection.SENDRECV));
    assertThat(session.media().get(0).formats()).containsExactly("0", "8", "101");
  }

  @Test
  void parsesIpv6MediaConnectionsAndDisabledStreams() {
    SdpSession session = parse(SOFTPHONE_ANSWER);

    assertThat(session.connection()).isEmpty();
    assertThat(session.media().get(0).connection()).contains(new SdpConnection("IN", "IP6", "2001:db8::2"));
    assertThat(session.media().get(0).protocol()).isEqualTo("RTP/SAVP");
    assertThat(session.media().get(1).isDisabled()).isTrue();
  }

  @Test
  void textIsByteExact() {
    assertThat(parse(PHONE_OFFER).text()).isEqualTo(PHONE_OFFER);
    assertThat(parse(SOFTPHONE_ANSWER).text()).isEqualTo(SOFTPHONE_ANSWER);
  }

  @Test
  void sessionLevelDirectionAppliesToMediaWithoutTheirOwn() {
    String body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\na=recvonly\r\nm=audio 4000 RTP/AVP 0\r\n";

    assertThat(parse(body).media().get(0).direction()).isEqualTo(SdpDirection.RECVONLY);
  }

  @Test
  void holdOfferAddsInactiveToEachMediaAndChangesNothingElse() {
    String hold = parse(PHONE_OFFER).holdOffer().text();

    assertThat(hold).isEqualTo(PHONE_OFFER
        .replace("a=ptime:20\r\n", "a=ptime:20\r\na=inactive\r\n")
        .replace("profile-level-id=42e01f\r\n", "profile-level-id=42e01f\r\na=inactive\r\n"));
  }

  @Test
  void holdOfferReplacesAnExistingDirectionInPlaceAndLeavesDisabledStreamsAlone() {
    String hold = parse(SOFTPHONE_ANSWER).holdOffer().text();

    String expected = SOFTPHONE_ANSWER.replace("a=rtpmap:9 G722/8000\na=sendrecv\n", "a=rtpmap:9 G722/8000\na=inactive\n");
    assertThat(hold).isEqualTo(expected);
    SdpSession held = parse(hold);
    assertThat(held.media().get(0).direction()).isEqualTo(SdpDirection.INACTIVE);
    assertThat(held.media().get(1).direction()).isEqualTo(SdpDirection.SENDRECV);
  }

  @Test
  void holdOfferOnBodyWithoutFinalLineEndingKeepsItWellFormed() {
    String body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0";

    assertThat(parse(body).holdOffer().text()).isEqualTo(body + "\r\na=inactive");
  }

  @Test
  void duplicateDirectionAttributesCollapseToOne() {
    String body = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=sendonly\r\na=recvonly\r\n";

    assertThat(parse(body).withDirection(SdpDirection.SENDRECV).text())
        .isEqualTo("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n");
  }

  @Test
  void withOriginReplacesOnlyTheOriginLine() {
    SdpSession session = parse(PHONE_OFFER);
    SdpOrigin other = new SdpOrigin("callflow", "42", BigInteger.TEN, "IN", "IP4", "198.51.100.7");

    assertThat(session.withOrigin(other).text()).isEqualTo(PHONE_OFFER.replace(
        "o=- 3915432587 3915432587 IN IP4 192.0.2.10", "o=callflow 42 10 IN IP4 198.51.100.7"));
  }

  @Test
  void sameContentIgnoresOnlyTheOrigin() {
    SdpSession session = parse(PHONE_OFFER);
    SdpOrigin other = session.origin().nextVersion();

    assertThat(session.withOrigin(other).sameContentAs(session)).isTrue();
    assertThat(session.holdOffer().sameContentAs(session)).isFalse();
  }

  @Test
  void versionBeyond64BitsIsKept() {
    String body = "v=0\r\no=- 1 184467440737095516150 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n";

    assertThat(parse(body).origin().nextVersion().version()).isEqualTo(new BigInteger("184467440737095516151"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "o=- 1 1 IN IP4 192.0.2.1\r\nv=0\r\n",
      "v=0\r\ns=-\r\n",
      "v=0\r\no=- 1 x IN IP4 192.0.2.1\r\n",
      "v=0\r\no=- 1 1 IN IP4\r\n",
      "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n\r\ns=-\r\n",
      "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio 70000 RTP/AVP 0\r\n",
      "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio 4000 RTP/AVP\r\n",
      "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nc=IN IP4\r\n",
      "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio 4000 RTP/AVP 0\r\no=- 2 2 IN IP4 192.0.2.1\r\n",
      "<html>not sdp</html>"})
  void malformedBodiesGiveAResultNotAnException(String body) {
    assertThat(SdpSession.parse(body)).isInstanceOf(SdpParseResult.Malformed.class);
  }

  @Test
  void malformedResultSaysWhichLine() {
    assertThat(SdpSession.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\nm=audio x RTP/AVP 0\r\n"))
        .isEqualTo(new SdpParseResult.Malformed("line 3: malformed m= (RFC 4566 §5.14)"));
  }

  @Test
  void unspecifiedConnectionIsRecognised() {
    assertThat(new SdpConnection("IN", "IP4", "0.0.0.0").isUnspecified()).isTrue();
    assertThat(new SdpConnection("IN", "IP6", "2001:db8::2").isUnspecified()).isFalse();
  }
}
