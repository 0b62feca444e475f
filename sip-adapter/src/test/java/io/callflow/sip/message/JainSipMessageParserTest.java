package io.callflow.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.ParserFactory;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Creating header parsers without reflection changes nothing jain-sip would have produced. */
class JainSipMessageParserTest {

  static Stream<String> tableNames() {
    List<String> names = new ArrayList<>();
    HeaderParsers.names().forEach(name -> {
      names.add(name);
      names.add(name.toLowerCase(Locale.ROOT));
      names.add(name.toUpperCase(Locale.ROOT));
    });
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("tableNames")
  void everyTableEntryCreatesTheParserClassJainSipsFactoryPicks(String name) throws ParseException {
    String text = name + ": x\n";
    assertThat(HeaderParsers.create(name, text)).isNotNull()
        .hasSameClassAs(ParserFactory.createParser(text));
  }

  static Stream<Path> messages() throws IOException {
    Path at = Paths.get("").toAbsolutePath();
    while (at != null && !Files.isDirectory(at.resolve("../shared/sip-corpus/rfc4475"))) {
      at = at.getParent();
    }
    assertThat(at).as("../shared/sip-corpus/rfc4475 above the working directory").isNotNull();
    try (Stream<Path> files = Files.list(at.resolve("../shared/sip-corpus/rfc4475").normalize())) {
      return files.filter(f -> f.toString().endsWith(".dat")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("messages")
  void parsesEveryCorpusMessageExactlyAsJainSipAlone(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (boolean readBody : new boolean[] {true, false}) {
      assertThat(outcome(new JainSipMessageParser(), bytes, readBody))
          .isEqualTo(outcome(new StringMsgParser(), bytes, readBody));
    }
  }

  @ParameterizedTest
  @MethodSource("crafted")
  void parsesDuplicateMalformedAndOddlyCasedHeadersExactlyAsJainSipAlone(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    assertThat(outcome(new JainSipMessageParser(), bytes, true))
        .isEqualTo(outcome(new StringMsgParser(), bytes, true));
  }

  static Stream<String> crafted() {
    String head = "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
        + "From: <sip:a@example.com>;tag=1\r\nTo: <sip:bob@example.com>\r\nCall-ID: c1\r\n";
    return Stream.of(
        SipMessageTest.INVITE,
        head + "CSeq: 1 INVITE\r\nCSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n",
        head + "CSeq: x INVITE\r\nMax-Forwards: -1\r\nVIA: bad via\r\nContent-Length: 0\r\n\r\n",
        head + "cseq: 1 INVITE\r\nmAX-fORWARDS: 7\r\nX-Unknown: y\r\n:nameless\r\nl: 0\r\n\r\n",
        head + "CSeq: 1 INVITE\r\nContact: <sip:a@h>\r\n ;expires=5\r\nContent-Length: 0\r\n\r\n");
  }

  /** Everything jain-sip hands back: the encoded message, or the exception, and each problem. */
  private static List<String> outcome(StringMsgParser parser, byte[] bytes, boolean readBody) {
    List<String> seen = new ArrayList<>();
    ParseExceptionListener listener = (ex, msg, headerClass, headerText, messageText) ->
        seen.add(ex.getClass().getName() + "|" + withoutIdentity(ex.getMessage()) + "|" + headerClass + "|"
            + headerText + "|" + messageText.length());
    try {
      SIPMessage parsed = parser.parseSIPMessage(bytes, readBody, false, listener);
      seen.add(parsed == null ? "null" : parsed.encode());
    } catch (ParseException | RuntimeException e) {
      seen.add("threw " + e.getClass().getName() + ": " + withoutIdentity(e.getMessage()));
    }
    return seen;
  }

  /** jain-sip's messages print its lexer's char[] ({@code [C@1b2c3d}), which differs per object. */
  private static String withoutIdentity(String message) {
    return message == null ? null : message.replaceAll("\\[C@[0-9a-f]+", "[C@");
  }
}
