package io.callflow.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Copies share the headers they do not change with their original ({@link MessageCopies}); they
 * must still encode exactly as a deep clone given the same edit, and no edit may reach the
 * original, an ancestor or a sibling copy.
 */
class MessageCopiesTest {

  static final String OK = "SIP/2.0 200 OK\r\n"
      + "Via: SIP/2.0/UDP pc33.example.com:5070;branch=z9hG4bK776asdhds;rport=5070;received=192.0.2.4\r\n"
      + "v: SIP/2.0/TCP proxy.example.com;branch=z9hG4bKold;received=192.0.2.9\r\n"
      + "Record-Route: <sip:p2.example.com;lr>, <sip:p1.example.com;lr>\r\n"
      + "f: \"Alice\" <sip:alice@example.com>;tag=1928301774\r\n"
      + "t: <sip:bob@example.com>;tag=a6c85cf\r\n"
      + "i: a84b4c76e66710@pc33.example.com\r\n"
      + "CSeq: 314159 INVITE\r\n"
      + "m: <sip:bob@192.0.2.4>\r\n"
      + "Supported: replaces, timer\r\n"
      + "X-Trace: one\r\n"
      + "c: application/sdp\r\n"
      + "l: " + SipMessageTest.SDP.length() + "\r\n\r\n" + SipMessageTest.SDP;

  static SipRequest invite() {
    return SipMessageTest.invite();
  }

  static SipResponse ok() {
    return (SipResponse) SipMessageTest.parsed(OK);
  }

  static Stream<Arguments> editsOfBothMessages() {
    List<Arguments> out = new ArrayList<>();
    for (SipMessage message : List.of(invite(), ok())) {
      for (MessageEdit edit : MessageEdit.applicableTo(message)) {
        out.add(Arguments.of(message.startLine(), edit));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("editsOfBothMessages")
  void everyEditEncodesAsADeepCopyWouldAndLeavesTheOriginalAlone(String startLine, MessageEdit edit) {
    SipMessage original = startLine.startsWith("INVITE") ? invite() : ok();
    String before = outcome(original::encode);

    assertThat(outcome(() -> edit.api().apply(original).encode()))
        .isEqualTo(outcome(() -> MessageEdit.wrap(edit.reference().apply(original.raw())).encode()));
    assertThat(outcome(original::encode)).isEqualTo(before);
  }

  @Test
  void chainsOfTwoEditsEncodeAsDeepCopiesAndReachNeitherAncestorNorSibling() {
    for (SipMessage original : List.of(invite(), ok())) {
      String originalText = outcome(original::encode);
      for (MessageEdit first : MessageEdit.applicableTo(original)) {
        SipMessage parent = first.api().apply(original);
        String parentText = outcome(parent::encode);
        for (MessageEdit second : MessageEdit.applicableTo(parent)) {
          String chain = original.startLine() + ": " + first + ", then " + second;
          String expected = outcome(() -> MessageEdit.wrap(
              second.reference().apply(first.reference().apply(original.raw()))).encode());
          SipMessage child;
          try {
            child = second.api().apply(parent);
          } catch (RuntimeException e) {
            assertThat("threw " + e.getClass().getName()).as(chain).isEqualTo(expected);
            continue;
          }
          String childText = outcome(child::encode);
          assertThat(childText).as(chain).isEqualTo(expected);

          for (MessageEdit sibling : MessageEdit.applicableTo(parent)) {
            outcome(() -> sibling.api().apply(parent).encode());
          }
          assertThat(outcome(child::encode)).as(chain + ": after sibling copies of the parent").isEqualTo(childText);
          assertThat(outcome(parent::encode)).as(chain + ": the parent").isEqualTo(parentText);
          assertThat(outcome(original::encode)).as(chain + ": the original").isEqualTo(originalText);
        }
      }
    }
  }

  @Test
  void aLongChainOfEditsEncodesAsTheSameChainOfDeepCopies() {
    SipRequest original = invite();
    String originalText = original.toString();
    SipRequest a = original.withViaReceived(MessageEdit.SOURCE_IP, MessageEdit.SOURCE_PORT);
    SipRequest b = a.withTopHeader("Via", "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bKb2b;rport");
    SipRequest c = b.withHeader("Max-Forwards", "69").withAddedHeader("Record-Route", "<sip:10.0.0.5;lr>");
    SipRequest d = c.withBody("application/sdp", MessageEdit.NEW_BODY).withoutHeader("Subject");
    SipResponse e = d.createResponse(183, null, "tag-d").withHeader("Contact", "<sip:b2b@10.0.0.5>")
        .withBody("application/sdp", MessageEdit.NEW_BODY);
    String aText = a.toString();
    String bText = b.toString();
    String cText = c.toString();
    String dText = d.toString();
    SipRequest stampedAgain = d.withViaReceived("203.0.113.1", 5999).withTopHeader("Via", "SIP/2.0/UDP x;branch=z9hG4bKx");

    assertThat(stampedAgain.vias()).hasSize(4);
    assertThat(e.toString()).isEqualTo(SipMessageTest.parsed(e.toString()).toString());
    assertThat(List.of(original.toString(), a.toString(), b.toString(), c.toString(), d.toString()))
        .containsExactly(originalText, aText, bText, cText, dText);
    assertThat(original.vias()).hasSize(2);
    assertThat(original.topVia().orElseThrow().received()).isEmpty();
    assertThat(a.topVia().orElseThrow().received()).contains(MessageEdit.SOURCE_IP);
    assertThat(d.topVia().orElseThrow().received()).isEmpty();
    assertThat(d.vias().get(1).received()).contains(MessageEdit.SOURCE_IP);
  }

  @Test
  void pushingAViaOnACopyLeavesTheOriginalsViasAsTheyWere() {
    SipRequest original = invite();
    SipRequest copy = original.withHeader("Subject", "copied");
    SipRequest pushed = copy.withTopHeader("Via", "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bKpushed");
    SipRequest appended = copy.withAddedHeader("Via", "SIP/2.0/UDP 10.0.0.6;branch=z9hG4bKappended");

    assertThat(pushed.vias()).hasSize(3);
    assertThat(appended.vias()).hasSize(3);
    assertThat(copy.vias()).hasSize(2).isEqualTo(original.vias());
    assertThat(original.vias()).hasSize(2);
    assertThat(original.topVia().orElseThrow().branch()).contains("z9hG4bK776asdhds");
  }

  @Test
  void viaReceivedOnACopyLeavesTheOriginalsViaWithoutReceivedOrRport() {
    SipRequest original = invite();
    SipRequest copy = original.withHeader("Subject", "copied");
    SipRequest stamped = copy.withViaReceived(MessageEdit.SOURCE_IP, MessageEdit.SOURCE_PORT);

    assertThat(stamped.topVia().orElseThrow().received()).contains(MessageEdit.SOURCE_IP);
    assertThat(stamped.topVia().orElseThrow().rportValue()).hasValue(MessageEdit.SOURCE_PORT);
    for (SipRequest unstamped : List.of(original, copy)) {
      Via top = unstamped.topVia().orElseThrow();
      assertThat(top.received()).isEmpty();
      assertThat(top.rport()).isTrue();
      assertThat(top.rportValue()).isEmpty();
      assertThat(unstamped.toString()).contains("branch=z9hG4bK776asdhds;rport,");
    }
  }

  @Test
  void aResponsesToTagStaysOffTheRequestAndOffOtherResponses() {
    SipRequest request = invite();
    SipResponse ringing = request.createResponse(180, null, "first");
    SipResponse busy = request.createResponse(486, null, "second");
    SipResponse trying = request.createResponse(100, null);

    assertThat(ringing.toTag()).contains("first");
    assertThat(busy.toTag()).contains("second");
    assertThat(trying.toTag()).isEmpty();
    assertThat(request.toTag()).isEmpty();
    assertThat(ringing.withHeader("To", "<sip:bob@example.com>;tag=changed").toTag()).contains("changed");
    assertThat(ringing.toTag()).contains("first");
    assertThat(ringing.withTopHeader("Via", "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bKr").vias()).hasSize(3);
    assertThat(request.vias()).hasSize(2);
    assertThat(request.toString()).isEqualTo(invite().toString());
  }

  @Test
  void aCopySharesUnchangedHeadersAndOwnsItsListsAndContentLength() {
    SipRequest original = invite();
    SipRequest copy = original.withHeader("Subject", "copied");

    assertThat(copy.raw().getFrom()).isSameAs(original.raw().getFrom());
    assertThat(copy.raw().getCallId()).isSameAs(original.raw().getCallId());
    assertThat(copy.raw().getCSeq()).isSameAs(original.raw().getCSeq());
    assertThat(copy.raw().getRawContent()).isSameAs(original.raw().getRawContent());
    assertThat(copy.raw().getViaHeaders().getHeaderList())
        .containsExactlyElementsOf(original.raw().getViaHeaders().getHeaderList());
    assertThat(copy.raw().getViaHeaders()).isNotSameAs(original.raw().getViaHeaders());
    assertThat(copy.raw().getRecordRouteHeaders()).isNotSameAs(original.raw().getRecordRouteHeaders());
    assertThat(copy.raw().getContentLength()).isNotSameAs(original.raw().getContentLength());
    assertThat(copy.raw().getTopmostVia()).isSameAs(original.raw().getTopmostVia());

    SipResponse tagged = original.createResponse(180, null, "t1");
    SipResponse untagged = original.createResponse(100, null);
    assertThat(tagged.raw().getFrom()).isSameAs(original.raw().getFrom());
    assertThat(tagged.raw().getTopmostVia()).isSameAs(original.raw().getTopmostVia());
    assertThat(tagged.raw().getViaHeaders()).isNotSameAs(original.raw().getViaHeaders());
    assertThat(tagged.raw().getTo()).isNotSameAs(original.raw().getTo());
    assertThat(untagged.raw().getTo()).isSameAs(original.raw().getTo());
  }

  static Stream<Arguments> corpusEdits() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Path file : JainSipMessageParserTest.messages().toList()) {
      byte[] bytes = Files.readAllBytes(file);
      for (boolean readBody : new boolean[] {true, false}) {
        ParseResult result = readBody ? new SipMessageParser().parse(bytes) : new SipMessageParser().parseHeaders(bytes);
        if (result instanceof ParseResult.Parsed parsed) {
          for (MessageEdit edit : MessageEdit.applicableTo(parsed.message())) {
            out.add(Arguments.of(file.getFileName() + (readBody ? "" : " (headers only)"), readBody, edit));
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("corpusEdits")
  void everyEditOfEveryCorpusMessageEncodesAsADeepCopyWould(String file, boolean readBody, MessageEdit edit)
      throws IOException {
    Path path = JainSipMessageParserTest.messages()
        .filter(p -> file.startsWith(p.getFileName().toString())).findFirst().orElseThrow();
    byte[] bytes = Files.readAllBytes(path);
    SipMessage original = ((ParseResult.Parsed) (readBody ? new SipMessageParser().parse(bytes)
        : new SipMessageParser().parseHeaders(bytes))).message();
    String before = outcome(original::encode);

    assertThat(outcome(() -> edit.api().apply(original).encode()))
        .isEqualTo(outcome(() -> MessageEdit.wrap(edit.reference().apply(original.raw())).encode()));
    assertThat(outcome(original::encode)).isEqualTo(before);
  }

  /** The encoded text, or the class of what was thrown (a message without Content-Length cannot encode). */
  private static String outcome(Supplier<byte[]> encoded) {
    try {
      return new String(encoded.get(), StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return "threw " + e.getClass().getName();
    }
  }
}
