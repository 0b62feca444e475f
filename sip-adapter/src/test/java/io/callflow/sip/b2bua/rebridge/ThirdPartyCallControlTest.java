package io.callflow.sip.b2bua.rebridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.model.Leg;
import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.b2bua.GlareBackoff;
import io.callflow.sip.b2bua.SdpDirection;
import io.callflow.sip.b2bua.SdpMedia;
import io.callflow.sip.b2bua.SdpOrigin;
import io.callflow.sip.b2bua.SdpSession;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transaction.Peer;
import io.callflow.sip.transaction.TestMessages;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThirdPartyCallControlTest {

  private static final Peer CUSTOMER = Peer.udp(new InetSocketAddress("127.0.0.1", 5080));
  private static final Duration RING = Duration.ofSeconds(30);
  /** RFC 3261 §14.1: the longest back-off, for the side that generated the Call-ID. */
  private static final Duration LONGEST_GLARE_WAIT = Duration.ofSeconds(4);
  private static final String AGENT_OFFER = sdp("service 900 5", 7000, null);
  private static final String AGENT_ANSWER = sdp("agent 200 1", 6001, null);
  private static final String CUSTOMER_OFFER = sdp("customer 111 1", 6002, null);

  private final ManualScheduler scheduler = new ManualScheduler();
  private final ScriptedSignalling network = new ScriptedSignalling();
  private final ThirdPartyCallControl control = new ThirdPartyCallControl(network, scheduler,
      new GlareBackoff(new Random(7)), TimerSettings.DEFAULTS);
  private final BridgedLeg agent = establishedAgentLeg();
  private final List<LegOutcome> legOutcomes = new ArrayList<>();
  private final List<BridgeOutcome> bridgeOutcomes = new ArrayList<>();

  private static String sdp(String origin, int port, SdpDirection direction) {
    return "v=0\r\no=" + origin + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
        + (direction == null ? "" : direction.line() + "\r\n");
  }

  private static BridgedLeg establishedAgentLeg() {
    Dialog dialog = Dialog.asUac("agent-call@127.0.0.1", "svc-tag", "agent-tag", "<sip:service@127.0.0.1>",
        "<sip:agent@127.0.0.1>", "sip:agent@127.0.0.1:5070", List.of(), 1, false, false);
    BridgedLeg leg = new BridgedLeg(Leg.AGENT, dialog);
    leg.localSdp(leg.origin().rewrite(DialAndBridge.parse(AGENT_OFFER)).text());
    leg.remoteSdp(AGENT_ANSWER);
    return leg;
  }

  private static SipRequest inviteWithoutSdp() {
    return SipRequest.builder("INVITE", "sip:customer@127.0.0.1:5080")
        .via("UDP", "127.0.0.1", 5060, "z9hG4bKdial")
        .callId("callback@127.0.0.1")
        .cseq(1)
        .from("sip:service@127.0.0.1", "svc-cb")
        .to("sip:customer@127.0.0.1:5080", null)
        .contact("sip:service@127.0.0.1:5060")
        .build();
  }

  private static Dialog customerDialog() {
    return Dialog.asUac("callback@127.0.0.1", "svc-cb", "cust-tag", "<sip:service@127.0.0.1>",
        "<sip:customer@127.0.0.1:5080>", "sip:customer@127.0.0.1:5080", List.of(), 1, false, false);
  }

  private static SipResponse okWith(String body) {
    return TestMessages.response("SIP/2.0 200 OK\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKdial\r\n"
        + "From: <sip:service@127.0.0.1>;tag=svc-cb\r\n"
        + "To: <sip:customer@127.0.0.1:5080>;tag=cust-tag\r\n"
        + "Call-ID: callback@127.0.0.1\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Contact: <sip:customer@127.0.0.1:5080>\r\n"
        + (body == null ? "Content-Length: 0\r\n\r\n"
            : "Content-Type: application/sdp\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body));
  }

  private static SdpSession parsed(String text) {
    return DialAndBridge.parse(text);
  }

  private void dialAndAnswer() {
    control.dialAndBridge(inviteWithoutSdp(), CUSTOMER, Leg.CUSTOMER, agent, RING, bridgeOutcomes::add);
    network.invites.get(0).listener().onAnswered(customerDialog(), okWith(CUSTOMER_OFFER));
  }

  // ---- hold and resume --------------------------------------------------------------------

  @Test
  void holdReInvitesTheLegInactiveWithItsSessionIdAndTheVersionOneHigher() {
    SdpOrigin before = parsed(agent.localSdp()).origin();

    control.hold(agent, legOutcomes::add);

    SdpSession sent = parsed(network.lastReInvite().sdp());
    assertThat(sent.media()).extracting(SdpMedia::direction).containsExactly(SdpDirection.INACTIVE);
    assertThat(sent.origin().sessionId()).isEqualTo(before.sessionId());
    assertThat(sent.origin().version()).isEqualTo(before.version().add(BigInteger.ONE));
    assertThat(network.lastReInvite().dialog()).isSameAs(agent.dialog());
  }

  @Test
  void anAcceptedHoldRecordsTheSdpSentAndTheAnswer() {
    String heldAnswer = sdp("agent 200 2", 6001, SdpDirection.INACTIVE);
    control.hold(agent, legOutcomes::add);

    network.lastReInvite().answer(200, "OK", heldAnswer);

    assertThat(legOutcomes).containsExactly(new LegOutcome.Done());
    assertThat(agent.localSdp()).isEqualTo(network.lastReInvite().sdp());
    assertThat(agent.remoteSdp()).isEqualTo(heldAnswer);
  }

  @Test
  void aRefusedHoldFailsWithTheStatusAndLeavesTheRecordedSdpAlone() {
    String before = agent.localSdp();
    control.hold(agent, legOutcomes::add);

    network.lastReInvite().answer(481, "Call/Transaction Does Not Exist", null);

    assertThat(legOutcomes).singleElement().isInstanceOfSatisfying(LegOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(481));
    assertThat(agent.localSdp()).isEqualTo(before);
  }

  @Test
  void aLegWithoutSdpIsNotReInvited() {
    BridgedLeg bare = new BridgedLeg(Leg.CUSTOMER, customerDialog());

    control.hold(bare, legOutcomes::add);

    assertThat(network.reInvites).isEmpty();
    assertThat(legOutcomes).singleElement().isInstanceOfSatisfying(LegOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(LegOutcome.NOT_SENT));
  }

  @Test
  void aHoldAnswered491IsSentAgainAfterTheBackOffWithTheSameBody() {
    control.hold(agent, legOutcomes::add);
    network.lastReInvite().answer(491, "Request Pending", null);
    assertThat(legOutcomes).isEmpty();

    scheduler.advance(LONGEST_GLARE_WAIT);

    assertThat(network.reInvites).hasSize(2);
    assertThat(network.reInvites.get(1).sdp()).isEqualTo(network.reInvites.get(0).sdp());
    network.lastReInvite().answer(200, "OK", AGENT_ANSWER);
    assertThat(legOutcomes).containsExactly(new LegOutcome.Done());
  }

  @Test
  void resumeAfterHoldKeepsTheSessionIdAndStepsTheVersionAgain() {
    control.hold(agent, legOutcomes::add);
    network.lastReInvite().answer(200, "OK", AGENT_ANSWER);
    SdpOrigin held = parsed(agent.localSdp()).origin();

    control.resume(agent, AGENT_OFFER, legOutcomes::add);

    SdpSession sent = parsed(network.lastReInvite().sdp());
    assertThat(sent.origin().sessionId()).isEqualTo(held.sessionId());
    assertThat(sent.origin().version()).isEqualTo(held.version().add(BigInteger.ONE));
    assertThat(sent.media()).extracting(SdpMedia::direction).containsExactly(SdpDirection.SENDRECV);
  }

  // ---- dial and bridge ---------------------------------------------------------------------

  @Test
  void theDialledPartysOfferGoesToTheHeldLegUnderTheHeldLegsOriginAndNothingIsAckedYet() {
    SdpOrigin agentOrigin = parsed(agent.localSdp()).origin();

    dialAndAnswer();

    SdpSession toAgent = parsed(network.lastReInvite().sdp());
    assertThat(toAgent.media().get(0).port()).isEqualTo(6002);
    assertThat(toAgent.origin().sessionId()).isEqualTo(agentOrigin.sessionId());
    assertThat(toAgent.origin().username()).isEqualTo(agentOrigin.username());
    assertThat(toAgent.origin().version()).isEqualTo(agentOrigin.version().add(BigInteger.ONE));
    assertThat(network.acks).isEmpty();
  }

  @Test
  void theHeldLegsAnswerIsSentInTheAckAndBothLegsRecordTheirSdp() {
    dialAndAnswer();
    String agentAnswer = sdp("agent 200 2", 6001, null);

    network.lastReInvite().answer(200, "OK", agentAnswer);

    assertThat(network.acks).singleElement().satisfies(ack -> {
      assertThat(ack.cseq()).isEqualTo(1);
      assertThat(parsed(ack.sdp()).media().get(0).port()).isEqualTo(6001);
    });
    assertThat(bridgeOutcomes).singleElement().isInstanceOfSatisfying(BridgeOutcome.Bridged.class, bridged -> {
      BridgedLeg customer = bridged.dialled();
      assertThat(customer.role()).isEqualTo(Leg.CUSTOMER);
      assertThat(customer.localSdp()).isEqualTo(network.acks.get(0).sdp());
      assertThat(customer.remoteSdp()).isEqualTo(CUSTOMER_OFFER);
    });
    assertThat(agent.localSdp()).isEqualTo(network.lastReInvite().sdp());
    assertThat(agent.remoteSdp()).isEqualTo(agentAnswer);
    assertThat(network.byes).isEmpty();
  }

  @Test
  void anExistingDialledLegGetsTheNewDialogAndKeepsItsOwnOrigin() {
    BridgedLeg customer = new BridgedLeg(Leg.CUSTOMER, customerDialog());
    SdpOrigin customerOrigin = customer.origin().rewrite(parsed(sdp("service 555 3", 7000, null))).origin();
    control.dialAndBridge(inviteWithoutSdp(), CUSTOMER, customer, agent, RING, bridgeOutcomes::add);
    Dialog callback = customerDialog();
    network.invites.get(0).listener().onAnswered(callback, okWith(CUSTOMER_OFFER));

    network.lastReInvite().answer(200, "OK", AGENT_ANSWER);

    assertThat(customer.dialog()).isSameAs(callback);
    SdpOrigin sent = parsed(network.acks.get(0).sdp()).origin();
    assertThat(sent.sessionId()).isEqualTo(customerOrigin.sessionId());
    assertThat(sent.version()).isEqualTo(customerOrigin.version().add(BigInteger.ONE));
  }

  @Test
  void aHeldLegAnswering491IsReInvitedAgainAfterTheBackOffAndThenBridged() {
    dialAndAnswer();
    network.lastReInvite().answer(491, "Request Pending", null);

    scheduler.advance(LONGEST_GLARE_WAIT);
    network.lastReInvite().answer(200, "OK", AGENT_ANSWER);

    assertThat(network.reInvites).hasSize(2);
    assertThat(bridgeOutcomes).singleElement().isInstanceOf(BridgeOutcome.Bridged.class);
    assertThat(network.acks).singleElement().satisfies(ack -> assertThat(ack.sdp()).contains("m=audio 6001"));
  }

  @Test
  void aHeldLegAnswering488MakesTheDialledLegAckedWithEveryStreamRejectedAndEnded() {
    dialAndAnswer();

    network.lastReInvite().answer(488, "Not Acceptable Here", null);

    assertThat(network.acks).singleElement().satisfies(ack ->
        assertThat(parsed(ack.sdp()).media()).allMatch(SdpMedia::isDisabled));
    assertThat(network.byes).containsExactly(network.acks.get(0).dialog());
    assertThat(bridgeOutcomes).containsExactly(
        new BridgeOutcome.Failed(488, "the held leg answered the re-INVITE 488 Not Acceptable Here"));
  }

  @Test
  void aHeldLegThatIsGoneFailsTheBridgeWith481() {
    dialAndAnswer();

    network.lastReInvite().answer(481, "Call/Transaction Does Not Exist", null);

    assertThat(bridgeOutcomes).singleElement().isInstanceOfSatisfying(BridgeOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(481));
    assertThat(network.byes).hasSize(1);
  }

  @Test
  void glareThatNeverClearsEndsBeforeTheDialledPartyGivesUpOnItsAck() {
    dialAndAnswer();
    for (int i = 0; i < 20 && bridgeOutcomes.isEmpty(); i++) {
      network.lastReInvite().answer(491, "Request Pending", null);
      scheduler.advance(LONGEST_GLARE_WAIT);
    }

    assertThat(bridgeOutcomes).singleElement().isInstanceOfSatisfying(BridgeOutcome.Failed.class,
        failed -> assertThat(failed.status()).isIn(491, 408));
    assertThat(network.acks).singleElement().satisfies(ack ->
        assertThat(parsed(ack.sdp()).media()).allMatch(SdpMedia::isDisabled));
    assertThat(network.byes).hasSize(1);
  }

  @Test
  void aHeldLegThatNeverAnswersLetsTheDialledLegBeAckedWithinItsRetransmissionWindow() {
    dialAndAnswer();

    scheduler.advance(TimerSettings.DEFAULTS.sixtyFourT1().minus(TimerSettings.DEFAULTS.t1()));

    assertThat(network.acks).hasSize(1);
    assertThat(bridgeOutcomes).singleElement().isInstanceOfSatisfying(BridgeOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(408));
    network.lastReInvite().answer(200, "OK", AGENT_ANSWER);
    assertThat(network.acks).as("a late answer changes nothing").hasSize(1);
  }

  @Test
  void noAnswerWithinTheRingTimeoutCancelsAndFailsWith408() {
    control.dialAndBridge(inviteWithoutSdp(), CUSTOMER, Leg.CUSTOMER, agent, RING, bridgeOutcomes::add);

    scheduler.advance(RING);

    assertThat(network.cancels).hasSize(1);
    assertThat(bridgeOutcomes).singleElement().isInstanceOfSatisfying(BridgeOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(408));
    assertThat(network.reInvites).isEmpty();
  }

  @Test
  void a2xxThatCrossesTheCancelIsAckedWithARejectingAnswerAndEnded() {
    control.dialAndBridge(inviteWithoutSdp(), CUSTOMER, Leg.CUSTOMER, agent, RING, bridgeOutcomes::add);
    scheduler.advance(RING);

    network.invites.get(0).listener().onAnswered(customerDialog(), okWith(CUSTOMER_OFFER));

    assertThat(network.acks).singleElement().satisfies(ack ->
        assertThat(parsed(ack.sdp()).media()).allMatch(SdpMedia::isDisabled));
    assertThat(network.byes).hasSize(1);
    assertThat(network.reInvites).as("the held leg is left alone").isEmpty();
    assertThat(bridgeOutcomes).hasSize(1);
  }

  @Test
  void aBusyDialledPartyFailsTheBridgeWithItsStatus() {
    control.dialAndBridge(inviteWithoutSdp(), CUSTOMER, Leg.CUSTOMER, agent, RING, bridgeOutcomes::add);

    network.invites.get(0).listener().onFailed(486, null);

    assertThat(bridgeOutcomes).singleElement().isInstanceOfSatisfying(BridgeOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(486));
    assertThat(network.reInvites).isEmpty();
  }

  @Test
  void a2xxWithoutAnOfferIsAckedEndedAndFails() {
    control.dialAndBridge(inviteWithoutSdp(), CUSTOMER, Leg.CUSTOMER, agent, RING, bridgeOutcomes::add);

    network.invites.get(0).listener().onAnswered(customerDialog(), okWith(null));

    assertThat(network.acks).singleElement().satisfies(ack -> assertThat(ack.sdp()).isNull());
    assertThat(network.byes).hasSize(1);
    assertThat(bridgeOutcomes).singleElement().isInstanceOfSatisfying(BridgeOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(488));
  }

  @Test
  void abandoningARingingDialCancelsItAndFailsWith487() {
    SipRequest invite = inviteWithoutSdp();
    control.dialAndBridge(invite, CUSTOMER, Leg.CUSTOMER, agent, RING, bridgeOutcomes::add);

    assertThat(control.abandon(invite)).isTrue();

    assertThat(network.cancels).containsExactly(invite);
    assertThat(bridgeOutcomes).singleElement().isInstanceOfSatisfying(BridgeOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(487));
    assertThat(control.abandon(invite)).as("nothing left in progress").isFalse();
  }

  @Test
  void abandoningWhileTheHeldLegIsReInvitedRejectsAndEndsTheDialledLegAndIgnoresTheLateAnswer() {
    dialAndAnswer();

    assertThat(control.abandon(inviteWithoutSdp())).isTrue();
    network.lastReInvite().answer(200, "OK", AGENT_ANSWER);

    assertThat(network.acks).singleElement().satisfies(ack ->
        assertThat(parsed(ack.sdp()).media()).allMatch(SdpMedia::isDisabled));
    assertThat(network.byes).hasSize(1);
    assertThat(bridgeOutcomes).singleElement().isInstanceOfSatisfying(BridgeOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(487));
  }

  @Test
  void anInviteWithAnOfferOr100relIsRefusedBeforeAnythingIsSent() {
    SipRequest withBody = inviteWithoutSdp().withBody("application/sdp",
        AGENT_OFFER.getBytes(StandardCharsets.US_ASCII));
    SipRequest with100rel = inviteWithoutSdp().withHeader("Supported", "100rel");

    assertThatThrownBy(() -> control.dialAndBridge(withBody, CUSTOMER, Leg.CUSTOMER, agent, RING,
        bridgeOutcomes::add)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no body");
    assertThatThrownBy(() -> control.dialAndBridge(with100rel, CUSTOMER, Leg.CUSTOMER, agent, RING,
        bridgeOutcomes::add)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100rel");
    assertThat(network.invites).isEmpty();
  }
}
