package io.callflow.sip.b2bua.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.SdpOrigin;
import io.callflow.sip.b2bua.SdpParseResult;
import io.callflow.sip.b2bua.SdpSession;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogId;
import io.callflow.sip.dialog.DialogSnapshot;
import io.callflow.sip.message.CSeq;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegSnapshotTest {

  static final String AGENT_SDP = String.join("\r\n",
      "v=0",
      "o=agent 2890844526 2890842807 IN IP6 2001:db8::5",
      "s=-",
      "c=IN IP6 2001:db8::5",
      "t=0 0",
      "m=audio 49170 RTP/AVP 0",
      "a=sendrecv",
      "");
  static final String SENT_SDP = AGENT_SDP.replace("o=agent 2890844526 2890842807", "o=callflow 9 12");
  private static final SdpOrigin ORIGIN = new SdpOrigin("callflow", "9", BigInteger.valueOf(12), "IN", "IP6",
      "2001:db8::5");

  /** A UAS customer leg behind two proxies, the peer at an IPv6 target, a non-ASCII display name. */
  static LegSnapshot customerLeg() {
    DialogSnapshot dialog = new DialogSnapshot(new DialogId("a84b4c76e66710@pbx.example", "local-1", "remote-1"),
        Dialog.Role.UAS, "<sip:queue@callflow.example>", "\"Zoë Ångström 山田\" <sip:+441632960123@pbx.example>",
        "sip:+441632960123@[2001:db8::1]:5060;transport=udp",
        List.of("<sip:[2001:db8::10];lr>", "<sip:proxy2.example;lr;transport=tcp>", "<sip:p3.example;lr>"),
        17, 4, false);
    return new LegSnapshot(Leg.CUSTOMER, dialog, SENT_SDP, AGENT_SDP, ORIGIN);
  }

  @Test
  void aLegComesBackEqualFromItsBytes() {
    LegSnapshot saved = customerLeg();

    assertThat(LegSnapshot.decode(saved.encode())).isEqualTo(saved);
  }

  @Test
  void aLegWithNothingSentYetComesBackWithoutSdpOrOrigin() {
    DialogSnapshot dialog = new DialogSnapshot(new DialogId("c", "l", "r"), Dialog.Role.UAC, "<sip:a@h>",
        "<sip:b@h>", "sip:b@127.0.0.1", List.of(), 1, -1, true);
    LegSnapshot saved = new LegSnapshot(Leg.AGENT, dialog, null, null, null);

    LegSnapshot back = LegSnapshot.decode(saved.encode());

    assertThat(back).isEqualTo(saved);
    assertThat(back.dialog().remoteSeq()).isEqualTo(-1);
    assertThat(back.dialog().secure()).isTrue();
  }

  @Test
  void anEmptySdpStaysEmptyRatherThanAbsent() {
    LegSnapshot saved = new LegSnapshot(Leg.AGENT, customerLeg().dialog(), "", "", null);

    LegSnapshot back = LegSnapshot.decode(saved.encode());

    assertThat(back.localSdp()).isEmpty();
    assertThat(back.remoteSdp()).isEmpty();
  }

  @Test
  void theLargestCseqsSurviveTheRoundTrip() {
    DialogSnapshot dialog = new DialogSnapshot(new DialogId("c", "l", "r"), Dialog.Role.UAS, "<sip:a@h>",
        "<sip:b@h>", "sip:b@h", List.of(), CSeq.MAX_NUMBER, CSeq.MAX_NUMBER, false);
    LegSnapshot saved = new LegSnapshot(Leg.AGENT, dialog, null, null, null);

    assertThat(LegSnapshot.decode(saved.encode())).isEqualTo(saved);
  }

  @Test
  void theFirstByteIsTheFormatVersion() {
    assertThat(customerLeg().encode()[0]).isEqualTo((byte) LegSnapshotFormat.VERSION);
  }

  @Test
  void aSnapshotFromANewerFormatIsRefusedByName() {
    byte[] bytes = customerLeg().encode();
    bytes[0] = 2;

    assertThatThrownBy(() -> LegSnapshot.decode(bytes))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("format version 2")
        .hasMessageContaining("newer build");
  }

  @Test
  void everyTruncationIsRefused() {
    byte[] bytes = customerLeg().encode();
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> LegSnapshot.decode(cut)).as("cut to %d bytes", length)
          .isInstanceOf(SnapshotFormatException.class)
          .hasMessageStartingWith("leg snapshot: ");
    }
  }

  @Test
  void everyFlippedBitAfterTheVersionIsRefused() {
    byte[] bytes = customerLeg().encode();
    for (int i = 1; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] damaged = bytes.clone();
        damaged[i] ^= (byte) (1 << bit);
        assertThatThrownBy(() -> LegSnapshot.decode(damaged)).as("byte %d bit %d", i, bit)
            .isInstanceOf(SnapshotFormatException.class);
      }
    }
  }

  @Test
  void nullBytesAreRefused() {
    assertThatThrownBy(() -> LegSnapshot.decode(null))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("leg snapshot: no bytes");
  }

  @Test
  void aSnapshotTakenFromALegRestoresItsDialogSdpAndOrigin() {
    BridgedLeg leg = new BridgedLeg(Leg.AGENT, Dialog.asUac("c9@callflow", "ours", "theirs",
        "<sip:callflow@127.0.0.1>", "<sip:agent@127.0.0.1>", "sip:agent@127.0.0.1:5070", List.of(), 3, false, false));
    leg.remoteSdp(AGENT_SDP);
    leg.localSdp(leg.origin().rewrite(parse(SENT_SDP)).text());

    BridgedLeg restored = LegSnapshot.decode(LegSnapshot.from(leg).encode()).restore(1000);

    assertThat(restored.role()).isEqualTo(Leg.AGENT);
    assertThat(restored.dialog().id()).isEqualTo(leg.dialog().id());
    assertThat(restored.dialog().localSeq()).isEqualTo(1003);
    assertThat(restored.localSdp()).isEqualTo(SENT_SDP);
    assertThat(restored.remoteSdp()).isEqualTo(AGENT_SDP);
    assertThat(restored.origin().current()).contains(ORIGIN);
    assertThat(restored.origin().rewrite(parse(SENT_SDP).holdOffer()).origin()).isEqualTo(ORIGIN.nextVersion());
  }

  private static SdpSession parse(String sdp) {
    return ((SdpParseResult.Parsed) SdpSession.parse(sdp)).session();
  }
}
