package io.callflow.sip.b2bua;

import static io.callflow.sip.b2bua.SdpSessionTest.PHONE_OFFER;
import static io.callflow.sip.b2bua.SdpSessionTest.SOFTPHONE_ANSWER;
import static io.callflow.sip.b2bua.SdpSessionTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SdpOriginKeeperRestoreTest {

  private static final SdpOrigin SAVED = new SdpOrigin("callflow", "777", BigInteger.valueOf(41), "IN", "IP4",
      "192.0.2.99");
  private final SdpOriginKeeper keeper = new SdpOriginKeeper();

  @Test
  void anUnchangedBodyAfterARestoreKeepsTheSavedOrigin() {
    keeper.restore(SAVED, parse(PHONE_OFFER));

    SdpSession again = keeper.rewrite(parse(PHONE_OFFER));

    assertThat(again.origin()).isEqualTo(SAVED);
  }

  @Test
  void aChangedBodyAfterARestoreTakesTheSavedOriginOneVersionUp() {
    keeper.restore(SAVED, parse(PHONE_OFFER));

    SdpSession hold = keeper.rewrite(parse(PHONE_OFFER).holdOffer());

    assertThat(hold.origin()).isEqualTo(SAVED.nextVersion());
  }

  @Test
  void withoutTheLastBodyTheNextOneCountsAsChanged() {
    keeper.restore(SAVED, null);

    assertThat(keeper.current()).contains(SAVED);
    SdpSession next = keeper.rewrite(parse(SOFTPHONE_ANSWER));
    assertThat(next.origin()).isEqualTo(SAVED.nextVersion());
    assertThat(keeper.rewrite(parse(SOFTPHONE_ANSWER)).origin()).isEqualTo(SAVED.nextVersion());
  }
}
