package io.callflow.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.RequestLineParser;
import gov.nist.javax.sip.parser.StatusLineParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link PlainStartLineParser} builds equals jain-sip's parse of the same start line. */
class PlainStartLineParserTest {

  static Stream<String> plainLines() {
    return Stream.of(
        "INVITE sip:5000@127.0.0.1:25062 SIP/2.0",
        "ACK sip:service@127.0.0.1:25062 SIP/2.0",
        "BYE sip:127.0.0.1:25070;transport=UDP SIP/2.0",
        "OPTIONS sips:pbx.example.com SIP/2.0",
        "REGISTER sip:Registrar.Example.COM;lr SIP/2.0",
        "PUBLISH sip:presence@h.example.com SIP/2.0",
        "SIP/2.0 200 OK",
        "SIP/2.0 180 Ringing",
        "SIP/2.0 100 Trying",
        "SIP/2.0 486 Busy Here",
        "SIP/2.0 200",
        "SIP/2.0 699 Something  With  Spaces ",
        "SIP/2.0 503 Service Unavailable");
  }

  @ParameterizedTest
  @MethodSource("plainLines")
  void buildsWhatJainSipBuildsForPlainLines(String line) throws ParseException {
    SIPMessage plain = PlainStartLineParser.parse(line);
    assertThat(plain).as(line).isNotNull();
    assertSameAsJainSip(line, plain);
  }

  static Stream<String> otherLines() {
    return Stream.of(
        "INVITE tel:+12125550100 SIP/2.0",
        "INVITE sip:[2001:db8::1] SIP/2.0",
        "INVITE sip:a@h SIP/3.0",
        "INVITE  sip:a@h SIP/2.0",
        "invite sip:a@h SIP/2.0",
        "X-CUSTOM sip:a@h SIP/2.0",
        "INVITE sip:a@h SIP/2.0 ",
        "INVITE sip:a@h;user=phone SIP/2.0",
        "INVITE sip:%61@h SIP/2.0",
        "SIP/2.0 20 OK",
        "SIP/2.0 2000 OK",
        "SIP/2.0 099 Low",
        "SIP/2.0 200 Ok\u00e9",
        "SIP/2.00 200 OK",
        "SIP/2.0  200 OK",
        "");
  }

  @ParameterizedTest
  @MethodSource("otherLines")
  void leavesOtherLinesToJainSip(String line) {
    assertThat(PlainStartLineParser.parse(line)).as(line).isNull();
  }

  static Stream<String> corpusStartLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path file : JainSipMessageParserTest.messages().toList()) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      lines.add(text.split("\r?\n", 2)[0]);
    }
    return lines.stream();
  }

  @ParameterizedTest
  @MethodSource("corpusStartLines")
  void agreesWithJainSipOnEveryCorpusStartLine(String line) {
    SIPMessage plain = PlainStartLineParser.parse(line);
    if (plain != null) {
      assertSameAsJainSip(line, plain);
    }
  }

  private static void assertSameAsJainSip(String line, SIPMessage plain) {
    try {
      if (plain instanceof SIPRequest request) {
        RequestLine expected = new RequestLineParser(line + "\n").parse();
        assertThat(request.getRequestLine().encode()).as(line).isEqualTo(expected.encode());
        assertThat(request.getRequestLine()).as(line).isEqualTo(expected);
        assertThat(expected).as(line).isEqualTo(request.getRequestLine());
      } else {
        StatusLine expected = new StatusLineParser(line + "\n").parse();
        StatusLine actual = ((SIPResponse) plain).getStatusLine();
        assertThat(actual.encode()).as(line).isEqualTo(expected.encode());
        assertThat(actual).as(line).isEqualTo(expected);
        assertThat(expected).as(line).isEqualTo(actual);
      }
    } catch (ParseException e) {
      throw new AssertionError("taken as plain but jain-sip refuses " + line + ": " + e.getMessage(), e);
    }
  }
}
