package io.callflow.sip.b2bua;

import static io.callflow.sip.b2bua.SdpSessionTest.PHONE_OFFER;
import static io.callflow.sip.b2bua.SdpSessionTest.SOFTPHONE_ANSWER;
import static io.callflow.sip.b2bua.SdpSessionTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SdpOriginKeeperTest {

  private final SdpOriginKeeper keeper = new SdpOriginKeeper();

  @Test
  void firstBodyPassesUnchangedAndFixesTheOrigin() {
    SdpSession first = parse(PHONE_OFFER);

    assertThat(keeper.rewrite(first).text()).isEqualTo(PHONE_OFFER);
    assertThat(keeper.current()).contains(first.origin());
  }

  @Test
  void nothingSentMeansNoOrigin() {
    assertThat(keeper.current()).isEmpty();
  }

  @Test
  void unchangedBodyKeepsTheVersion() {
    keeper.rewrite(parse(PHONE_OFFER));

    assertThat(keeper.rewrite(parse(PHONE_OFFER)).text()).isEqualTo(PHONE_OFFER);
  }

  @Test
  void holdOfferOnTheSameLegBumpsTheVersionByOne() {
    SdpSession first = parse(PHONE_OFFER);
    keeper.rewrite(first);

    SdpSession hold = keeper.rewrite(first.holdOffer());

    assertThat(hold.origin().version()).isEqualTo(new BigInteger("3915432588"));
    assertThat(hold.origin().sessionId()).isEqualTo("3915432587");
    assertThat(hold.media()).allMatch(media -> media.direction() == SdpDirection.INACTIVE);
  }

  @Test
  void rebridgeToAnotherPartyKeepsTheLegsSessionIdAndAddressAndBumpsOnce() {
    keeper.rewrite(parse(PHONE_OFFER));

    SdpSession fromNewParty = keeper.rewrite(parse(SOFTPHONE_ANSWER));

    assertThat(fromNewParty.origin()).isEqualTo(new SdpOrigin("-", "3915432587", new BigInteger("3915432588"),
        "IN", "IP4", "192.0.2.10"));
    assertThat(fromNewParty.text()).isEqualTo(SOFTPHONE_ANSWER.replace(
        "o=jdoe 2890844526 2890842807 IN IP6 2001:db8::2", "o=- 3915432587 3915432588 IN IP4 192.0.2.10"));
  }

  @Test
  void eachChangeBumpsAgainAndARepeatDoesNot() {
    SdpSession offer = parse(PHONE_OFFER);
    keeper.rewrite(offer);
    keeper.rewrite(offer.holdOffer());
    keeper.rewrite(offer.holdOffer());
    SdpSession resumed = keeper.rewrite(offer);

    assertThat(resumed.origin().version()).isEqualTo(new BigInteger("3915432589"));
  }
}
