package io.callflow.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OptionsResponderTest {

  private static final String OPTIONS = "OPTIONS sip:callflow@192.0.2.1 SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKprobe1\r\n"
      + "Max-Forwards: 70\r\n"
      + "From: <sip:kamailio@192.0.2.10>;tag=k1\r\n"
      + "To: <sip:callflow@192.0.2.1>\r\n"
      + "Call-ID: probe-1@192.0.2.10\r\n"
      + "CSeq: 10 OPTIONS\r\n"
      + "Content-Length: 0\r\n\r\n";

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean overloaded = new AtomicBoolean();
  private final OptionsResponder responder = new OptionsResponder(OptionsSettings.defaults(), draining::get,
      new OptionsResponder.Overload(overloaded::get, Duration.ofSeconds(5)), () -> 42L);

  private static SipRequest parse(String text) {
    ParseResult result = new SipMessageParser().parse(text.getBytes(StandardCharsets.UTF_8));
    return (SipRequest) ((ParseResult.Parsed) result).message();
  }

  @Test
  void optionsIsAnswered200WithCapabilitiesAndATag() {
    SipResponse response = responder.respond(parse(OPTIONS));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers("Allow")).contains("INVITE", "OPTIONS", "BYE", "CANCEL", "ACK");
    assertThat(response.headers("Accept")).contains("application/sdp");
    assertThat(response.headers("Supported")).containsExactly("timer");
    assertThat(response.header("Accept-Encoding")).contains("identity");
    assertThat(response.to().orElseThrow().tag()).isPresent();
    assertThat(response.callId()).contains("probe-1@192.0.2.10");
    assertThat(response.cseq().orElseThrow().number()).isEqualTo(10);
  }

  @Test
  void drainingInstanceAnswers503WithRetryAfter() {
    draining.set(true);
    SipResponse response = responder.respond(parse(OPTIONS));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.header("Retry-After")).hasValueSatisfying(value ->
        assertThat(value).startsWith("60"));
  }

  @Test
  void overloadedInstanceAnswers503WithTheRetryAfterOfItsRefusedCallsUntilTheOverloadEnds() {
    overloaded.set(true);
    SipResponse refused = responder.respond(parse(OPTIONS));
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.reasonPhrase()).isEqualTo("Service Overloaded");
    assertThat(refused.header("Retry-After")).contains("5");

    overloaded.set(false);
    assertThat(responder.respond(parse(OPTIONS)).statusCode()).isEqualTo(200);
  }

  @Test
  void drainingOutranksOverloadWithItsLongerRetryAfter() {
    overloaded.set(true);
    draining.set(true);
    SipResponse response = responder.respond(parse(OPTIONS));
    assertThat(response.reasonPhrase()).isEqualTo("Draining");
    assertThat(response.header("Retry-After")).contains("60");
  }

  @Test
  void responseSurvivesAnEncodeAndParseRoundTrip() {
    SipResponse response = responder.respond(parse(OPTIONS));
    ParseResult again = new SipMessageParser().parse(response.encode());
    assertThat(again).isInstanceOfSatisfying(ParseResult.Parsed.class,
        parsed -> assertThat(parsed.problems()).isEmpty());
  }

  @Test
  void otherMethodIsAWiringError() {
    assertThatThrownBy(() -> responder.respond(parse(OPTIONS.replace("OPTIONS", "INFO"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void settingsRejectAMalformedMediaType() {
    assertThatThrownBy(() -> new OptionsSettings(List.of("INVITE"), List.of("sdp"), List.of(),
        Duration.ofSeconds(60)))
        .hasMessageStartingWith("sip.options.accept: 'sdp' is not valid here");
  }
}
