package io.callflow.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Changes made as a response is created encode exactly as the same edits made one copy at a time. */
class MessageChangesTest {

  private static final byte[] SDP = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void changesAtCreationEncodeAsOneEditAfterAnother() {
    SipRequest invite = SipMessageTest.invite();
    String before = new String(invite.encode(), StandardCharsets.UTF_8);

    SipResponse atOnce = invite.createResponse(200, null, "as9", new MessageChanges()
        .header("Session-Expires", "1800;refresher=uac")
        .header("Require", "timer")
        .body("application/sdp", SDP)
        .header("m", "<sip:127.0.0.1:5060>"));
    SipResponse oneByOne = invite.createResponse(200, null, "as9")
        .withHeader("Session-Expires", "1800;refresher=uac")
        .withHeader("Require", "timer")
        .withBody("application/sdp", SDP)
        .withHeader("m", "<sip:127.0.0.1:5060>");

    assertThat(atOnce.toString()).isEqualTo(oneByOne.toString()).contains("Require: timer");
    assertThat(atOnce.body()).isEqualTo(SDP);
    assertThat(new String(invite.encode(), StandardCharsets.UTF_8)).as("the request is untouched")
        .isEqualTo(before);
  }

  @Test
  void aHeaderSetAgainKeepsTheLastValue() {
    SipResponse response = SipMessageTest.invite().createResponse(180, null, "as9",
        new MessageChanges().header("Subject", "first").header("Subject", "second"));

    assertThat(response.headers("Subject")).containsExactly("second");
  }

  @Test
  void tellsWhichHeadersItSetsInAnySpelling() {
    MessageChanges changes = new MessageChanges().header("m", "<sip:a@h>");

    assertThat(changes.sets("Contact")).isTrue();
    assertThat(changes.sets("contact")).isTrue();
    assertThat(changes.sets("Require")).isFalse();
    assertThat(new MessageChanges().sets("Contact")).isFalse();
  }
}
