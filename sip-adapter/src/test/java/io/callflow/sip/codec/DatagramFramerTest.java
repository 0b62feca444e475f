package io.callflow.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatagramFramerTest {

  static final String HEAD = "MESSAGE sip:bob@example.com SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
      + "Max-Forwards: 70\r\n"
      + "To: <sip:bob@example.com>\r\n"
      + "From: <sip:alice@example.com>;tag=1928301774\r\n"
      + "Call-ID: a84b4c76e66710\r\n"
      + "CSeq: 1 MESSAGE\r\n"
      + "Content-Type: text/plain\r\n";

  final DatagramFramer framer = new DatagramFramer(SipLimits.defaults());

  private SipFrame framed(String datagram) {
    DatagramOutcome outcome = framer.frame(datagram.getBytes(StandardCharsets.US_ASCII));
    assertThat(outcome).isInstanceOf(DatagramOutcome.Framed.class);
    return ((DatagramOutcome.Framed) outcome).frame();
  }

  private static String text(SipFrame frame) {
    return new String(frame.bytes(), StandardCharsets.US_ASCII);
  }

  @Test
  void octetsAfterTheDeclaredBodyAreIgnored() {
    SipFrame frame = framed(HEAD + "l: 5\r\n\r\nhello and more");
    assertThat(text(frame)).isEqualTo(HEAD + "l: 5\r\n\r\nhello");
    assertThat(frame.defect()).isEmpty();
  }

  @Test
  void foldedOrPaddedContentLengthIsReadAndTheBodyStartsAfterABareLfBlankLine() {
    assertThat(text(framed(HEAD + "Content-Length:\r\n   5 \r\n\r\nhello and more"))).endsWith("\r\n\r\nhello");
    assertThat(text(framed(HEAD + "l: \t5\n\nhello and more"))).endsWith("\n\nhello");
  }

  @Test
  void contentLengthWithOctetsAboveAsciiIsBadNotTrimmed() {
    byte[] datagram = (HEAD + "l: 5\u00a0\r\n\r\nhello").getBytes(StandardCharsets.ISO_8859_1);
    DatagramOutcome outcome = framer.frame(datagram);
    assertThat(((DatagramOutcome.Framed) outcome).frame().defect()).contains(FailureReason.BAD_CONTENT_LENGTH);
  }

  @Test
  void withoutContentLengthTheBodyIsTheRestOfTheDatagram() {
    assertThat(text(framed(HEAD + "\r\nhello"))).isEqualTo(HEAD + "\r\nhello");
  }

  @Test
  void contentLengthLargerThanTheDatagramIsAShortBody() {
    SipFrame frame = framed(HEAD + "Content-Length: 50\r\n\r\nhello");
    assertThat(frame.defect()).contains(FailureReason.SHORT_BODY);
    assertThat(text(frame)).isEqualTo(HEAD + "Content-Length: 50\r\n\r\n");
  }

  @Test
  void negativeOrOversizeContentLengthIsBad() {
    assertThat(framed(HEAD + "l: -5\r\n\r\nhello").defect()).contains(FailureReason.BAD_CONTENT_LENGTH);
    assertThat(framed(HEAD + "l: 70000\r\n\r\nhello").defect()).contains(FailureReason.BAD_CONTENT_LENGTH);
  }

  @Test
  void crlfOnlyDatagramIsIgnoredAndLeadingCrlfIsSkipped() {
    assertThat(framer.frame("\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(DatagramOutcome.Ignored.class);
    assertThat(framer.frame(new byte[0])).isInstanceOf(DatagramOutcome.Ignored.class);
    assertThat(text(framed("\r\n" + HEAD + "l: 0\r\n\r\n"))).isEqualTo(HEAD + "l: 0\r\n\r\n");
  }

  @Test
  void datagramsOverALimitAreDroppedWithThatLimitAsReason() {
    DatagramFramer small = new DatagramFramer(new SipLimits(64, 300, 10, 400));
    assertThat(small.frame(("OPTIONS sip:" + "a".repeat(80) + " SIP/2.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(new DatagramOutcome.Dropped(FailureReason.START_LINE_TOO_LONG));
    assertThat(small.frame((HEAD + "Subject: " + "x".repeat(100) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(new DatagramOutcome.Dropped(FailureReason.HEADERS_TOO_LONG));
    assertThat(small.frame((HEAD + "\r\n" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(new DatagramOutcome.Dropped(FailureReason.MESSAGE_TOO_LONG));
  }

  @Test
  void versionOtherThanTwoIsFoundOnRequestAndStatusLines() {
    assertThat(framed("OPTIONS sip:a@b SIP/3.0\r\nl: 0\r\n\r\n").defect()).contains(FailureReason.BAD_VERSION);
    assertThat(framed("SIP/1.0 200 OK\r\nl: 0\r\n\r\n").defect()).contains(FailureReason.BAD_VERSION);
    assertThat(framed("OPTIONS sip:a@b sip/2.0  \r\nl: 0\r\n\r\n").defect()).isEmpty();
  }

  @Test
  void unquotedDisplayNameWithNonTokenCharactersOrSpacesInsideBracketsAreBadAddresses() {
    assertThat(HeaderBlockScanner.addressDefect("Bell, Alexander <sip:a@example.com>;tag=1")).isTrue();
    assertThat(HeaderBlockScanner.addressDefect("\"Watson, Thomas\" < sip:t@example.org >")).isTrue();
    assertThat(HeaderBlockScanner.addressDefect("\"Bell, Alexander\" <sip:a@example.com>;tag=1")).isFalse();
    assertThat(HeaderBlockScanner.addressDefect("A. Bell <sip:a@example.com>")).isFalse();
    assertThat(HeaderBlockScanner.addressDefect("caller<sip:caller@example.com>;tag=323")).isFalse();
    assertThat(HeaderBlockScanner.addressDefect("sip:caller@example.net;tag=2")).isFalse();
    assertThat(framed(HEAD.replace("From: <", "f: Bell, A <") + "l: 0\r\n\r\n").defect())
        .isEqualTo(Optional.of(FailureReason.BAD_ADDRESS));
  }
}
