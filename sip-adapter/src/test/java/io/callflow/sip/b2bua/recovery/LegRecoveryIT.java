package io.callflow.sip.b2bua.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.b2bua.testing.LoopbackUdp;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.SipApplication;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A restart of the service mid-call, on 127.0.0.1: the stack places a call, the leg is
 * snapshotted and encoded, the stack stops, a new stack starts on the same port, decodes the
 * snapshot and probes the leg in its dialog. One call each, bounded waits; every stack and
 * SIPp is stopped also when the test fails.
 */
class LegRecoveryIT {

  private static final Path SCENARIO = Path.of("src/test/resources/sipp/recovery/uas_probed_after_restart.xml");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final Deque<SipStack> stacks = new ArrayDeque<>();

  @AfterEach
  void stopStacks() {
    while (!stacks.isEmpty()) {
      stacks.pop().stop();
    }
  }

  private SipStack start(int port, SipApplication application) throws InterruptedException {
    SipStack stack = SipStack.start(SipStackSettings.loopback(port, port).withThreads(2), application,
        new SimpleMeterRegistry(), new SipMessageMetrics());
    stacks.push(stack);
    return stack;
  }

  private void stop(SipStack stack) {
    stacks.remove(stack);
    stack.stop();
  }

  private static ProbeOutcome probe(SipStack service, byte[] saved) throws Exception {
    CompletableFuture<ProbeOutcome> outcome = new CompletableFuture<>();
    new LegProber(service).probe(LegSnapshot.decode(saved), outcome::complete);
    return outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aLegStillUpAfterARestartIsAliveAndItsRestoredDialogEndsTheCall() throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    int servicePort = ports[0];
    int sippPort = ports[1];
    try (SippProcess sipp = SippProcess.builder("recovery-uas").scenarioFile(SCENARIO)
        .localPort(sippPort).calls(1).timeout(Duration.ofSeconds(60)).start()) {
      LoopbackUdp.awaitListening(sippPort, Duration.ofSeconds(10), sipp::isAlive, "sipp");
      SipStack before = start(servicePort, new ProbedPeer());
      byte[] saved = SnapshottedCall.place(before, sippPort, WAIT);
      stop(before);

      SipStack after = start(servicePort, new ProbedPeer());
      ProbeOutcome outcome = probe(after, saved);

      assertThat(outcome).isInstanceOf(ProbeOutcome.Alive.class);
      BridgedLeg restored = ((ProbeOutcome.Alive) outcome).restored();
      assertThat(restored.remoteSdp()).contains("o=agent 53655765 2353687637");
      assertThat(after.activeDialogs()).isEqualTo(1);
      CompletableFuture<Integer> bye = new CompletableFuture<>();
      after.sendInDialog(restored.dialog(), "BYE", null, null, SnapshottedCall.finalStatus(bye));
      assertThat(bye.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);
      assertThat(after.activeDialogs()).isZero();
      SippResult result = sipp.awaitExit(WAIT);
      assertThat(result.exitCode()).as("sipp exit code; stderr %s", SippProcess.tail(result.stderr())).isZero();
      assertThat(result.successfulCalls()).isEqualTo(1);
    }
  }

  @Test
  void aLegThePeerNoLongerKnowsIsGoneWith481AndDropped() throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    int servicePort = ports[0];
    int peerPort = ports[1];
    SipStack peer = start(peerPort, new ProbedPeer());
    SipStack before = start(servicePort, new ProbedPeer());
    byte[] saved = SnapshottedCall.place(before, peerPort, WAIT);
    stop(before);
    stop(peer);

    start(peerPort, new ProbedPeer());
    SipStack after = start(servicePort, new ProbedPeer());
    ProbeOutcome outcome = probe(after, saved);

    assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Gone.class, gone -> {
      assertThat(gone.status()).isEqualTo(481);
      assertThat(gone.detail()).contains("481");
    });
    assertThat(after.activeDialogs()).isZero();
  }
}
