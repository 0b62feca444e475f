package io.callflow.sip.b2bua.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.dialog.Dialog;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpTextTest {

  private static final String OFFER = "v=0\r\no=customer 100 1 IN IP4 192.0.2.1\r\ns=-\r\n"
      + "c=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n";
  private static final String REFRESH = OFFER.replace("o=customer 100 1", "o=customer 100 2");
  private static final String HOLD = REFRESH.replace("a=sendrecv", "a=sendonly");

  private static BridgedLeg agentLeg() {
    Dialog dialog = Dialog.asUac("b@callflow", "l", "r", "<sip:c@192.0.2.1>", "<sip:a@192.0.2.2>",
        "sip:a@192.0.2.2", List.of(), 1, false, false);
    return new BridgedLeg(Leg.AGENT, dialog);
  }

  @Test
  void sameMediaWithAnotherOriginVersionIsARefreshNotANewOffer() {
    assertThat(SdpText.sameContent(REFRESH, OFFER)).isTrue();
  }

  @Test
  void holdOfferIsANewOffer() {
    assertThat(SdpText.sameContent(HOLD, OFFER)).isFalse();
  }

  @Test
  void relayedHoldOfferKeepsTheLegsOriginWithTheVersionRaisedByOne() {
    BridgedLeg leg = agentLeg();
    SdpText.throughOrigin(leg, OFFER);

    String relayed = SdpText.throughOrigin(leg, HOLD.replace("o=customer 100 2", "o=other 900 7"));

    assertThat(relayed).contains("o=customer 100 2 IN IP4 192.0.2.1").contains("a=sendonly");
  }

  @Test
  void unparseableSdpIsRelayedAsItIs() {
    assertThat(SdpText.throughOrigin(agentLeg(), "not sdp")).isEqualTo("not sdp");
    assertThat(SdpText.sameContent("not sdp", OFFER)).isFalse();
  }
}
