package io.callflow.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.parser.ParserFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link PlainHeaderParser} builds is what jain-sip's parser builds for the same line —
 * same encoding and equal field by field — and whatever it does not take goes to jain-sip.
 */
class PlainHeaderParserTest {

  static Stream<String> plainForms() {
    return Stream.of(
        "Via: SIP/2.0/UDP 127.0.0.1:25080;branch=z9hG4bK-27233-1-0",
        "Via: SIP/2.0/UDP 127.0.0.1:25062;branch=z9hG4bKcf3a7b8e;rport=25062;received=127.0.0.1",
        "Via: SIP/2.0/TCP pbx.example.com;branch=z9hG4bK776asdhds;rport",
        "Via: SIP/2.0/UDP pc33.atlanta.com;BRANCH=z9hG4bK776;TTL=16;maddr=224.2.0.1",
        "v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKnashds8",
        "Via: SIP/2.0/udp PC33.Atlanta.COM;branch=z9hG4bK1;Received=192.0.2.1",
        "VIA:   SIP/2.0/UDP  10.0.0.1:5060;branch=z9hG4bKnashds8   ",
        "From: \"Customer\" <sip:+442079460017@127.0.0.1:25080>;tag=27233c17",
        "From: Alice <sip:alice@atlanta.com>;tag=1928301774",
        "From: Alice Liddell <sip:alice@atlanta.com>;tag=1928301774;x-flag",
        "f: <sips:alice@atlanta.com:5061;transport=tls>;tag=88sja8x",
        "From: \"\" <sip:anonymous@anonymous.invalid>;tag=x1",
        "From: \" spaced name \" <sip:a@h>;tag=x1",
        "To: <sip:5000@127.0.0.1:25062>",
        "To: sut <sip:service@127.0.0.1:25062>;tag=27233SIPpTag011",
        "To: <sip:bob@biloxi.com;lr>",
        "t: <sip:+1-212-555-0100@gw.example.com;ob>;tag=a6c85cf",
        "To: <sip:pbx.example.com>",
        "To: <sips:Bob@Biloxi.EXAMPLE.com:5061;Transport=TLS>",
        "Contact: <sip:customer@127.0.0.1:25080>",
        "Contact: <sip:127.0.0.1:25070;transport=UDP>",
        "Contact: \"Agent 7\" <sip:agent7@10.1.2.3:5062;ob>;expires=3600;q=0.7",
        "m: <sips:bob@192.0.2.4>;+sip.instance",
        "Call-ID: 1-27233@127.0.0.1",
        "Call-ID: a84b4c76e66710@pc33.atlanta.com",
        "i: f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "Call-ID: <weird>(but:word)\"chars\"/[]?{}",
        "CSeq: 1 INVITE",
        "CSeq: 314159   BYE",
        "CSeq: 2147483647 ACK",
        "CSeq: 7 X-CUSTOM",
        "Max-Forwards: 70",
        "Max-Forwards: 0",
        "Max-Forwards: 255",
        "Content-Type: application/sdp",
        "c: multipart/mixed;boundary=unique-boundary-1",
        "Content-Type: Application/SDP;Charset=UTF-8;x-flag",
        "From: <sip:a@h>;TAG=Abc;X-Mixed=Case",
        "Content-Length: 129",
        "l: 0",
        "content-length: 42");
  }

  @ParameterizedTest
  @MethodSource("plainForms")
  void buildsWhatJainSipBuildsForPlainForms(String line) throws ParseException {
    SIPHeader plain = PlainHeaderParser.parse(line);
    assertThat(plain).as(line).isNotNull();
    assertSameAsJainSip(line, plain);
  }

  static Stream<String> otherForms() {
    return Stream.of(
        "Via: SIP/2.0/UDP [2001:db8::9:1]:5060;branch=z9hG4bKas",
        "Via: SIP/2.0/UDP h1;branch=z9hG4bK1, SIP/2.0/UDP h2;branch=z9hG4bK2",
        "Via: SIP/2.0/UDP h1;branch=z9hG4bK1 (comment)",
        "Via: SIP/2.0/UDP h1;branch",
        "Via: SIP / 2.0 / UDP h1;branch=z9hG4bK1",
        "Via: SIP/2.0/UDP h1;received=\"1.2.3.4\"",
        "Via: SIP/2.0/UDP h1:99999;branch=z9hG4bK1",
        "From: sip:alice@atlanta.com;tag=1",
        "From: <sip:alice:secret@atlanta.com>;tag=1",
        "From: <sip:%61lice@atlanta.com>;tag=1",
        "From: <sip:alice;day=tuesday@atlanta.com>;tag=1",
        "From: <sip:+1-212-555-0100@gw.example.com;user=phone>;tag=1",
        "From: <sip:alice@atlanta.com?subject=hi>;tag=1",
        "From: <tel:+12125550100>;tag=1",
        "From: \"esc\\\"aped\" <sip:a@h>;tag=1",
        "From: <sip:a@h>;tag=\"quoted\"",
        "From: <SIP:a@h>;tag=1",
        "To: <sip:a@h>;tag=1 ;x=2",
        "Call-ID: two@at@signs",
        "Call-ID: @leading",
        "Call-ID: with space",
        "CSeq: 1 invite",
        "CSeq: 99999999999 INVITE",
        "CSeq: INVITE",
        "CSeq: -1 INVITE",
        "Max-Forwards: 256",
        "Max-Forwards: 1000",
        "Max-Forwards: seventy",
        "Content-Length: -1",
        "Content-Length: 1234567890",
        "Contact: *",
        "Content-Type: application",
        "Content-Type: application/sdp;charset=\"utf-8\"",
        "Content-Type: text/plain, text/html",
        "Contact: <sip:a@h>, <sip:b@h>",
        "Contact: <sip:a@h>;+sip.instance=\"<urn:uuid:f81d4fae>\"",
        "Contact: sip:a@h;expires=60",
        "Subject: Performance Test",
        "Call-ID:",
        "V\u0131a: SIP/2.0/UDP h;branch=z9hG4bK1",
        "\u0130: looks-like-a-call-id",
        "\u0000: 1 INVITE",
        "From: <sip:a@h;x=a`b>;tag=1",
        "From: <sip:h;x=%zz>;tag=1",
        ": nameless");
  }

  @ParameterizedTest
  @MethodSource("otherForms")
  void leavesOtherFormsToJainSip(String line) {
    assertThat(PlainHeaderParser.parse(line)).as(line).isNull();
  }

  @Test
  void theComparisonTellsHeadersApart() throws ParseException {
    SIPHeader plain = PlainHeaderParser.parse("From: <sip:a@h>;tag=1");
    SIPHeader other = ParserFactory.createParser("From: <sip:a@h>;tag=2\n").parse();
    assertThat(plain).isNotEqualTo(other);
    assertThat(PlainHeaderParser.parse("Via: SIP/2.0/UDP h;branch=z9hG4bK1"))
        .isNotEqualTo(ParserFactory.createParser("Via: SIP/2.0/UDP h:5060;branch=z9hG4bK1\n").parse());
  }

  static Stream<String> corpusHeaderLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path file : JainSipMessageParserTest.messages().toList()) {
      lines.addAll(headerLines(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
    }
    return lines.stream();
  }

  /** Every header line the RFC 4475 messages hold, unfolded (RFC 3261 §7.3.1). */
  @Test
  void takesMostOfTheCorpusHeadersItKnows() throws IOException {
    long taken = corpusHeaderLines().filter(line -> PlainHeaderParser.parse(line) != null).count();
    assertThat(taken).as("corpus header lines taken as plain").isGreaterThan(300);
  }

  @ParameterizedTest
  @MethodSource("corpusHeaderLines")
  void agreesWithJainSipOnEveryCorpusHeader(String line) {
    SIPHeader plain = PlainHeaderParser.parse(line);
    if (plain != null) {
      assertSameAsJainSip(line, plain);
    }
  }

  /** Plain-looking lines put together at random: taken or not, never different from jain-sip. */
  @Test
  void agreesWithJainSipOnGeneratedLines() {
    Random random = new Random(4475);
    String[] names = {"Via", "From", "To", "Contact", "m", "Content-Type", "c", "Call-ID", "CSeq", "Max-Forwards", "Content-Length", "f", "t"};
    String[] pieces = {"sip:", "sips:", "<", ">", "@", ":", ";", "=", " ", "\"", "a", "Z", "9", "0",
        "5060", "h.example.com", "127.0.0.1", "tag", "branch", "z9hG4bK", "-", ".", "+", "lr", "SIP/2.0/",
        "UDP", "INVITE", "application", "/", "sdp", "%", "`", "\t", "\u00e9", "\u0131", "[", "?", "~", "*", "user", "phone", "'", ",", "70", "99999"};
    int taken = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder value = new StringBuilder();
      if (random.nextBoolean()) {
        value.append(random.nextBoolean() ? "SIP/2.0/UDP " : "<sip:");
      }
      for (int n = random.nextInt(12); n >= 0; n--) {
        value.append(pieces[random.nextInt(pieces.length)]);
      }
      String line = names[random.nextInt(names.length)] + ": " + value;
      SIPHeader plain = PlainHeaderParser.parse(line);
      if (plain != null) {
        taken++;
        assertSameAsJainSip(line, plain);
      }
    }
    assertThat(taken).as("generated lines taken as plain").isGreaterThan(500);
  }

  private static void assertSameAsJainSip(String line, SIPHeader plain) {
    SIPHeader jainSip;
    try {
      jainSip = ParserFactory.createParser(line + "\n").parse();
    } catch (ParseException e) {
      throw new AssertionError("taken as plain but jain-sip refuses " + line + ": " + e.getMessage(), e);
    }
    assertThat(plain.encode()).as(line).isEqualTo(jainSip.encode());
    // Field by field: jain-sip's own equals() is the loose RFC 3261 §19.1.4 comparison for
    // URIs, addresses and parameters (case, display names and flags ignored).
    assertThat(plain).as(line).usingRecursiveComparison().isEqualTo(jainSip);
  }

  private static List<String> headerLines(String message) {
    List<String> lines = new ArrayList<>();
    String[] raw = message.split("\r?\n", -1);
    for (int i = 1; i < raw.length && !raw[i].isEmpty(); i++) {
      if ((raw[i].startsWith(" ") || raw[i].startsWith("\t")) && !lines.isEmpty()) {
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + raw[i].trim());
      } else {
        lines.add(raw[i]);
      }
    }
    return lines;
  }
}
