package io.callflow.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.time.ManualScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PeerLineMonitorTest {

  private static final Peer PBX = new Peer("pbx1", new InetSocketAddress("192.0.2.10", 5060),
      "sip:192.0.2.10:5060");
  private static final Peer PBX2 = new Peer("pbx2", new InetSocketAddress("192.0.2.11", 5060),
      "sip:192.0.2.11:5060");
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<Consumer<ProbeResult>> pending = new ArrayList<>();
  private final List<Peer> probed = new ArrayList<>();
  private final List<LineStateChanged> changes = new ArrayList<>();
  private final PeerLineMonitor monitor = new PeerLineMonitor(List.of(PBX),
      new KeepAliveSettings(INTERVAL, Duration.ofSeconds(2), 3),
      (peer, result) -> {
        probed.add(peer);
        pending.add(result);
      },
      scheduler, changes::add);

  private void answerLast(ProbeResult result) {
    pending.get(pending.size() - 1).accept(result);
  }

  /** Lets the current probe go unanswered and moves on to the next one. */
  private void nextProbe() {
    scheduler.advance(INTERVAL);
  }

  @Test
  void firstAnsweredProbeBringsTheLineUp() {
    monitor.start();
    assertThat(probed).containsExactly(PBX);
    answerLast(new ProbeResult.Answered(200));
    assertThat(monitor.state("pbx1")).isEqualTo(LineState.UP);
    assertThat(changes).containsExactly(
        new LineStateChanged(PBX, LineState.UP, LineReason.OPTIONS_ANSWERED, "200"));
  }

  @Test
  void anyNonServerErrorAnswerMeansAlive() {
    monitor.start();
    answerLast(new ProbeResult.Answered(405));
    assertThat(monitor.state("pbx1")).isEqualTo(LineState.UP);
  }

  @Test
  void lineGoesDownOnlyAtTheThresholdOfUnansweredProbesWithReasonTimeout() {
    monitor.start();
    answerLast(new ProbeResult.Answered(200));
    nextProbe();
    nextProbe();
    assertThat(monitor.state("pbx1")).isEqualTo(LineState.UP);
    nextProbe();
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(monitor.state("pbx1")).isEqualTo(LineState.DOWN);
    assertThat(changes).last().isEqualTo(
        new LineStateChanged(PBX, LineState.DOWN, LineReason.TIMEOUT, "timeout"));
  }

  @Test
  void serverErrorsTakeTheLineDownWithTheStatus() {
    monitor.start();
    answerLast(new ProbeResult.Answered(503));
    nextProbe();
    answerLast(new ProbeResult.Answered(500));
    nextProbe();
    answerLast(new ProbeResult.Answered(503));
    assertThat(changes).containsExactly(
        new LineStateChanged(PBX, LineState.DOWN, LineReason.SERVER_ERROR, "503"));
  }

  @Test
  void transportErrorsTakeTheLineDownWithTheirDetail() {
    monitor.start();
    for (int i = 0; i < 3; i++) {
      answerLast(new ProbeResult.TransportError("connection refused"));
      nextProbe();
    }
    assertThat(changes).containsExactly(new LineStateChanged(PBX, LineState.DOWN,
        LineReason.TRANSPORT_ERROR, "connection refused"));
  }

  @Test
  void anAnswerBetweenFailuresStartsTheCountAgain() {
    monitor.start();
    answerLast(new ProbeResult.Answered(503));
    nextProbe();
    answerLast(new ProbeResult.Answered(503));
    nextProbe();
    answerLast(new ProbeResult.Answered(200));
    nextProbe();
    answerLast(new ProbeResult.Answered(503));
    nextProbe();
    answerLast(new ProbeResult.Answered(503));
    assertThat(monitor.state("pbx1")).isEqualTo(LineState.UP);
  }

  @Test
  void answerArrivingAfterTheProbeTimedOutIsIgnored() {
    monitor.start();
    answerLast(new ProbeResult.Answered(200));
    nextProbe();
    scheduler.advance(Duration.ofSeconds(2));
    answerLast(new ProbeResult.Answered(200));
    nextProbe();
    nextProbe();
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(monitor.state("pbx1")).isEqualTo(LineState.DOWN);
  }

  @Test
  void anyRequestFromTheDownPeerBringsItUpAgain() throws Exception {
    monitor.start();
    for (int i = 0; i < 3; i++) {
      nextProbe();
    }
    assertThat(monitor.state("pbx1")).isEqualTo(LineState.DOWN);
    monitor.onRequestFrom(InetAddress.getByName("192.0.2.10"));
    assertThat(monitor.state("pbx1")).isEqualTo(LineState.UP);
    assertThat(changes).last().isEqualTo(
        new LineStateChanged(PBX, LineState.UP, LineReason.REQUEST_RECEIVED, "request"));
  }

  @Test
  void requestFromAnotherAddressChangesNothing() throws Exception {
    monitor.start();
    monitor.onRequestFrom(InetAddress.getByName("192.0.2.99"));
    assertThat(monitor.state("pbx1")).isEqualTo(LineState.UNKNOWN);
    assertThat(changes).isEmpty();
  }

  @Test
  void eachPeerIsProbedOnceEveryIntervalUntilStoppedEvenIfStartedTwice() {
    PeerLineMonitor two = new PeerLineMonitor(List.of(PBX, PBX2), KeepAliveSettings.defaults(),
        (peer, result) -> probed.add(peer), scheduler, changes::add);
    two.start();
    two.start();
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(probed).containsExactly(PBX, PBX2, PBX, PBX2);
    two.stop();
    scheduler.advance(Duration.ofSeconds(300));
    assertThat(probed).hasSize(4);
    assertThat(scheduler.pendingCount()).isZero();
  }

  @Test
  void settingsOutOfRangeNameTheKeyAndRange() {
    assertThatThrownBy(() -> new KeepAliveSettings(Duration.ofSeconds(5), Duration.ofSeconds(6), 3))
        .hasMessage("sip.keepAlive.timeout must be 100 ms to 5 s, was 6 s");
    assertThatThrownBy(() -> new KeepAliveSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 0))
        .hasMessage("sip.keepAlive.failureThreshold must be 1 to 100, was 0");
    assertThatThrownBy(() -> new PeerLineMonitor(List.of(PBX, PBX), KeepAliveSettings.defaults(),
        (peer, result) -> { }, scheduler, change -> { }))
        .hasMessage("sip.peers: name 'pbx1' is used twice");
  }
}
