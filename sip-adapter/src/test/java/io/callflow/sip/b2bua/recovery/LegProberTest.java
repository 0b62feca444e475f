package io.callflow.sip.b2bua.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogId;
import io.callflow.sip.dialog.DialogSnapshot;
import io.callflow.sip.message.CSeq;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.SipApplication;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.timer.TimerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Probing against real stacks on 127.0.0.1: a caller stack places a call to the peer and
 * the leg is snapshotted; a second stack, standing in for the restarted service, probes it.
 */
class LegProberTest {

  /** Short timers for the restarted side, so Timer F (64*T1) ends an unanswered probe soon. */
  private static final TimerSettings QUICK = new TimerSettings(Duration.ofMillis(10), Duration.ofMillis(40),
      Duration.ofMillis(50), Duration.ofMillis(200));

  private final ProbedPeer peer = new ProbedPeer();
  private SipStack peerStack;
  private SipStack caller;
  private SipStack restarted;

  @AfterEach
  void stopStacks() {
    for (SipStack stack : new SipStack[] {restarted, caller, peerStack}) {
      if (stack != null) {
        stack.stop();
      }
    }
  }

  private static SipStack start(SipApplication application, TimerSettings timers) throws InterruptedException {
    SipStackSettings loopback = SipStackSettings.loopback(0, 0);
    return SipStack.start(new SipStackSettings(loopback.transport(), null, 2, timers), application,
        new SimpleMeterRegistry(), new SipMessageMetrics());
  }

  /** The caller's leg to the peer, snapshotted on its loop right after the answer. */
  private LegSnapshot answeredLeg() throws Exception {
    peerStack = start(peer, TimerSettings.DEFAULTS);
    caller = start(new ProbedPeer(), TimerSettings.DEFAULTS);
    return LegSnapshot.decode(SnapshottedCall.place(caller, peerStack.endpoint("UDP").port(), Duration.ofSeconds(10)));
  }

  private ProbeOutcome probe(LegSnapshot saved) throws Exception {
    return probe(saved, TimerSettings.DEFAULTS);
  }

  private ProbeOutcome probe(LegSnapshot saved, TimerSettings timers) throws Exception {
    if (restarted == null) {
      restarted = start(new ProbedPeer(), timers);
    }
    CompletableFuture<ProbeOutcome> outcome = new CompletableFuture<>();
    new LegProber(restarted).probe(saved, outcome::complete);
    return outcome.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aLegThePeerStillHasIsAliveAndItsProbeCseqIsWellAboveTheSavedOne() throws Exception {
    LegSnapshot saved = answeredLeg();

    ProbeOutcome outcome = probe(saved);

    assertThat(outcome).isInstanceOf(ProbeOutcome.Alive.class);
    assertThat(peer.optionsCseqs).containsExactly(saved.dialog().localSeq() + ProbeSettings.DEFAULT_CSEQ_JUMP + 1);
    BridgedLeg restored = ((ProbeOutcome.Alive) outcome).restored();
    assertThat(restored.role()).isEqualTo(Leg.AGENT);
    assertThat(restored.remoteSdp()).isEqualTo(ProbedPeer.SDP);
    assertThat(restarted.activeDialogs()).isEqualTo(1);
  }

  @Test
  void theRestoredDialogCanEndTheCallWithBye() throws Exception {
    ProbeOutcome.Alive alive = (ProbeOutcome.Alive) probe(answeredLeg());
    CompletableFuture<Integer> byeStatus = new CompletableFuture<>();

    restarted.sendInDialog(alive.restored().dialog(), "BYE", null, null,
        SnapshottedCall.finalStatus(byeStatus));

    assertThat(byeStatus.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(restarted.activeDialogs()).isZero();
  }

  @Test
  void aPeerRefusingTheMethodStillKnowsTheDialog() throws Exception {
    LegSnapshot saved = answeredLeg();
    peer.optionsStatus = 405;

    assertThat(probe(saved)).isInstanceOf(ProbeOutcome.Alive.class);
  }

  @Test
  void aDialogThePeerDoesNotKnowIsGoneWith481AndDropped() throws Exception {
    LegSnapshot saved = answeredLeg();
    DialogSnapshot dialog = saved.dialog();
    DialogSnapshot unknown = new DialogSnapshot(new DialogId(dialog.id().callId(), dialog.id().localTag(), "other"),
        dialog.role(), dialog.localUri(), dialog.remoteUri(), dialog.remoteTarget(), dialog.routes(),
        dialog.localSeq(), dialog.remoteSeq(), dialog.secure());

    ProbeOutcome outcome = probe(new LegSnapshot(saved.role(), unknown, null, null, null));

    assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Gone.class,
        gone -> assertThat(gone.status()).isEqualTo(481));
    assertThat(restarted.activeDialogs()).isZero();
  }

  @Test
  void anUnansweredProbeIsGoneWith408AndDropped() throws Exception {
    LegSnapshot saved = answeredLeg();
    peer.optionsStatus = 0;

    ProbeOutcome outcome = probe(saved, QUICK);

    assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Gone.class,
        gone -> assertThat(gone.status()).isEqualTo(408));
    assertThat(restarted.activeDialogs()).isZero();
  }

  @Test
  void aProbeTheTransportCannotDeliverIsGoneWith503() throws Exception {
    int closed = FreePorts.udpAndTcp();
    DialogSnapshot dialog = new DialogSnapshot(new DialogId("tcp-gone@callflow", "l", "r"), Dialog.Role.UAC,
        "<sip:callflow@127.0.0.1>", "<sip:agent@127.0.0.1>", "sip:agent@127.0.0.1:" + closed + ";transport=tcp",
        List.of(), 4, -1, false);

    ProbeOutcome outcome = probe(new LegSnapshot(Leg.CUSTOMER, dialog, null, null, null));

    assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Gone.class,
        gone -> assertThat(gone.status()).isEqualTo(503));
    assertThat(restarted.activeDialogs()).isZero();
  }

  @Test
  void aSecondProbeOfALegAlreadyRestoredIsNotSentAndLeavesTheFirstInPlace() throws Exception {
    LegSnapshot saved = answeredLeg();
    probe(saved);

    ProbeOutcome second = probe(saved);

    assertThat(second).isInstanceOfSatisfying(ProbeOutcome.Gone.class,
        gone -> assertThat(gone.status()).isEqualTo(ProbeOutcome.NOT_SENT));
    assertThat(restarted.activeDialogs()).isEqualTo(1);
    assertThat(peer.optionsCseqs).hasSize(1);
  }

  @Test
  void aLegWhoseCseqCannotBeRaisedIsNotProbed() throws Exception {
    DialogSnapshot dialog = new DialogSnapshot(new DialogId("full@callflow", "l", "r"), Dialog.Role.UAC,
        "<sip:callflow@127.0.0.1>", "<sip:agent@127.0.0.1>", "sip:agent@127.0.0.1:9", List.of(),
        CSeq.MAX_NUMBER - 10, -1, false);

    ProbeOutcome outcome = probe(new LegSnapshot(Leg.AGENT, dialog, null, null, null));

    assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Gone.class,
        gone -> assertThat(gone.detail()).contains("2^31"));
    assertThat(restarted.activeDialogs()).isZero();
  }
}
