package io.callflow.sip.b2bua.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.b2bua.MaxForwardsPolicy;
import io.callflow.sip.b2bua.SessionExpires;
import io.callflow.sip.b2bua.SessionTimerPolicy;
import io.callflow.sip.b2bua.SessionTimerSettings;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipRequestBuilder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InviteScreenTest {

  private static final String SDP = "v=0\r\no=pbx 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\n"
      + "t=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

  private final InviteScreen screen = new InviteScreen(MaxForwardsPolicy.defaults(),
      new SessionTimerPolicy(SessionTimerSettings.defaults()));

  private static SipRequestBuilder invite() {
    return SipRequest.builder("INVITE", "sip:4711@192.0.2.10")
        .via("UDP", "192.0.2.1", 5060, "z9hG4bK-screen")
        .from("sip:+15551234567@192.0.2.1", "a1")
        .to("sip:4711@192.0.2.10", null)
        .callId("screen@192.0.2.1")
        .cseq(1)
        .contact("sip:pbx@192.0.2.1");
  }

  private static SipRequest withSdp(SipRequestBuilder builder) {
    return builder.body("application/sdp", SDP.getBytes(StandardCharsets.UTF_8)).build();
  }

  @Test
  void inviteWithMaxForwardsZeroIsRefused483() {
    InviteVerdict verdict = screen.check(withSdp(invite().maxForwards(0)));

    assertThat(verdict).isInstanceOfSatisfying(InviteVerdict.Reject.class,
        reject -> assertThat(reject.status()).isEqualTo(483));
  }

  @Test
  void agentLegCarriesMaxForwardsOneLowerThanReceived() {
    InviteVerdict verdict = screen.check(withSdp(invite().maxForwards(12)));

    assertThat(verdict).isInstanceOfSatisfying(InviteVerdict.Proceed.class,
        proceed -> assertThat(proceed.maxForwards()).isEqualTo(11));
  }

  @Test
  void inviteWithoutSdpOfferIsRefused488() {
    assertThat(screen.check(invite().build())).isInstanceOfSatisfying(InviteVerdict.Reject.class,
        reject -> assertThat(reject.status()).isEqualTo(488));
  }

  @Test
  void inviteWithAnotherBodyTypeIsRefused415NamingSdp() {
    SipRequest request = invite().body("text/plain", "hello".getBytes(StandardCharsets.UTF_8)).build();

    assertThat(screen.check(request)).isInstanceOfSatisfying(InviteVerdict.Reject.class, reject -> {
      assertThat(reject.status()).isEqualTo(415);
      assertThat(reject.headers()).containsEntry("Accept", "application/sdp");
    });
  }

  @Test
  void sessionIntervalBelowMinSeIsRefused422WithOurMinSe() {
    SipRequest request = withSdp(invite().header("Session-Expires", "60"));

    assertThat(screen.check(request)).isInstanceOfSatisfying(InviteVerdict.Reject.class, reject -> {
      assertThat(reject.status()).isEqualTo(422);
      assertThat(reject.headers()).containsEntry("Min-SE", "90");
    });
  }

  @Test
  void customerRefreshingEvery90SecondsIsAcceptedWithTheCustomerAsRefresher() {
    SipRequest request = withSdp(invite().header("Supported", "100rel, timer")
        .header("Session-Expires", "90;refresher=uac"));

    assertThat(screen.check(request)).isInstanceOfSatisfying(InviteVerdict.Proceed.class, proceed -> {
      assertThat(proceed.customerTimer().intervalSeconds()).isEqualTo(90);
      assertThat(proceed.customerTimer().refresher()).isEqualTo(SessionExpires.Refresher.UAC);
      assertThat(proceed.customerSupportsTimer()).isTrue();
      assertThat(proceed.sdp()).isEqualTo(SDP);
    });
  }

  @Test
  void customerWithoutSessionTimerGetsOurIntervalRefreshedByUs() {
    assertThat(screen.check(withSdp(invite()))).isInstanceOfSatisfying(InviteVerdict.Proceed.class, proceed -> {
      assertThat(proceed.customerTimer().intervalSeconds()).isEqualTo(1800);
      assertThat(proceed.customerTimer().refresher()).isEqualTo(SessionExpires.Refresher.UAS);
      assertThat(proceed.customerSupportsTimer()).isFalse();
    });
  }
}
