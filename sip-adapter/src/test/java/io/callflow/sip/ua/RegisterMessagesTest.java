package io.callflow.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.LocalEndpoint;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterMessagesTest {

  private static final String CONTACT = "sip:agent7@192.0.2.5:5060";
  private final LocalEndpoint local = new LocalEndpoint("UDP", "192.0.2.5", 5060);
  private final RegisterMessages messages = new RegisterMessages(local, () -> 3L);

  private static SipResponse response(String text) {
    ParseResult result = new SipMessageParser().parse(text.getBytes(StandardCharsets.UTF_8));
    return (SipResponse) ((ParseResult.Parsed) result).message();
  }

  private static String responseText(String status, String extra) {
    return "SIP/2.0 " + status + "\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bKabc\r\n"
        + "From: <sip:agent7@example.com>;tag=a\r\n"
        + "To: <sip:agent7@example.com>;tag=b\r\n"
        + "Call-ID: c1\r\n"
        + "CSeq: 2 REGISTER\r\n"
        + extra
        + "Content-Length: 0\r\n\r\n";
  }

  @Test
  void registerCarriesCallIdCseqContactExpiresAndCredentials() {
    SipRequest request = messages.toMessage(new RegisterRequest("sip:pbx.example.com",
        "sip:agent7@example.com", CONTACT, "c1", 2, 3600, Optional.of(
            new RegisterRequest.Credentials("Authorization",
                "Digest username=\"agent7\", realm=\"r\", nonce=\"n\", uri=\"sip:pbx.example.com\", "
                    + "response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5"))));
    assertThat(request.method()).isEqualTo("REGISTER");
    assertThat(request.requestUri()).isEqualTo("sip:pbx.example.com");
    assertThat(request.callId()).contains("c1");
    assertThat(request.cseq().orElseThrow().number()).isEqualTo(2);
    assertThat(request.contactUri()).contains(CONTACT);
    assertThat(request.header("Expires")).contains("3600");
    assertThat(request.header("Authorization")).hasValueSatisfying(value ->
        assertThat(value).contains("username=\"agent7\""));
    assertThat(request.to().orElseThrow().tag()).isEmpty();
    assertThat(request.topVia().orElseThrow().branch()).hasValueSatisfying(branch ->
        assertThat(branch).startsWith("z9hG4bK"));
  }

  @Test
  void grantedLifetimeIsTakenFromOurContactBeforeTheExpiresHeader() {
    RegisterOutcome.Response outcome = RegisterMessages.toOutcome(response(responseText("200 OK",
        "Contact: <sip:other@192.0.2.9>;expires=60\r\n"
            + "Contact: <sip:agent7@192.0.2.5:5060;transport=udp>;expires=1800\r\n"
            + "Expires: 3600\r\n")), CONTACT);
    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.grantedExpires()).hasValue(1800);
  }

  @Test
  void expiresHeaderIsUsedWhenOurContactHasNoParameter() {
    RegisterOutcome.Response outcome = RegisterMessages.toOutcome(response(responseText("200 OK",
        "Contact: <sip:agent7@192.0.2.5:5060>\r\nExpires: 900\r\n")), CONTACT);
    assertThat(outcome.grantedExpires()).hasValue(900);
  }

  @Test
  void challengeAndMinExpiresAreHandedOver() {
    RegisterOutcome.Response challenge = RegisterMessages.toOutcome(response(responseText(
        "401 Unauthorized", "WWW-Authenticate: Digest realm=\"r\", nonce=\"n\", qop=\"auth\"\r\n")),
        CONTACT);
    assertThat(challenge.wwwAuthenticate()).singleElement().satisfies(value ->
        assertThat(DigestChallenge.parse(value)).hasValueSatisfying(parsed ->
            assertThat(parsed.nonce()).isEqualTo("n")));
    RegisterOutcome.Response brief = RegisterMessages.toOutcome(response(responseText(
        "423 Interval Too Brief", "Min-Expires: 7200\r\n")), CONTACT);
    assertThat(brief.minExpires()).hasValue(7200);
  }

  @Test
  void keepAliveOptionsGoesToThePeerUri() {
    SipRequest options = new OptionsProbeMessages(local, () -> 5L).toMessage(new Peer("pbx1",
        new InetSocketAddress("192.0.2.10", 5060), "sip:192.0.2.10:5060"));
    assertThat(options.method()).isEqualTo("OPTIONS");
    assertThat(options.requestUri()).isEqualTo("sip:192.0.2.10:5060");
    assertThat(options.cseq().orElseThrow().number()).isEqualTo(1);
  }
}
