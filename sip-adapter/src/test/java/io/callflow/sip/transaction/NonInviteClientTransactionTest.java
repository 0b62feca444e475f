package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.TestMessages.TCP_PEER;
import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static io.callflow.sip.transaction.TestMessages.outgoing;
import static io.callflow.sip.transaction.TestMessages.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.timer.TimerName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonInviteClientTransactionTest {

  private static final String BRANCH = "z9hG4bKnict1";
  private final LayerFixture f = new LayerFixture();

  private NonInviteClientTransaction start(Peer peer) {
    return (NonInviteClientTransaction) f.layer.send(outgoing("BYE", BRANCH, 2), peer, f.user);
  }

  private List<Long> fireEUntilF(NonInviteClientTransaction tx) {
    List<Long> intervals = new ArrayList<>();
    while (tx.pendingTimers().contains(TimerName.E)
        && tx.timeUntil(TimerName.E).compareTo(tx.timeUntil(TimerName.F)) < 0) {
      intervals.add(f.fire(tx, TimerName.E).toMillis());
    }
    return intervals;
  }

  @Test
  void overUdpTimerEDoublesUpToT2AndTimerFEndsItWithATimeout() {
    NonInviteClientTransaction tx = start(UDP_PEER);

    List<Long> intervals = fireEUntilF(tx);
    f.fire(tx, TimerName.F);

    assertThat(intervals).containsExactly(500L, 1000L, 2000L, 4000L, 4000L, 4000L, 4000L, 4000L, 4000L, 4000L);
    assertThat(f.sender.requests("BYE")).isEqualTo(11);
    assertThat(f.user.events).containsExactly("client timeout BYE");
    assertThat(f.counter("callflow.sip.transaction.timeouts", "timer", "F")).isEqualTo(1);
  }

  @Test
  void inProceedingTimerEUsesT2AtOnce() {
    NonInviteClientTransaction tx = start(UDP_PEER);
    f.layer.onResponse(response(100, BRANCH, 2, "BYE", ""), UDP_PEER);
    assertThat(tx.state()).isEqualTo(NonInviteClientState.PROCEEDING);

    f.fire(tx, TimerName.E);

    assertThat(tx.timeUntil(TimerName.E)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void aFinalResponseCompletesAndRetransmittedFinalsAreAbsorbedUntilTimerK() {
    NonInviteClientTransaction tx = start(UDP_PEER);

    f.layer.onResponse(response(200, BRANCH, 2, "BYE", "remote"), UDP_PEER);
    f.layer.onResponse(response(200, BRANCH, 2, "BYE", "remote"), UDP_PEER);

    assertThat(tx.state()).isEqualTo(NonInviteClientState.COMPLETED);
    assertThat(tx.pendingTimers()).containsExactly(TimerName.K);
    assertThat(tx.timeUntil(TimerName.K)).isEqualTo(Duration.ofSeconds(5));
    assertThat(f.user.events).containsExactly("response 200");

    f.fire(tx, TimerName.K);
    assertThat(tx.state()).isEqualTo(NonInviteClientState.TERMINATED);
  }

  @Test
  void overTcpThereIsNoTimerEAndAFinalResponseTerminatesAtOnce() {
    NonInviteClientTransaction tx = start(TCP_PEER);
    assertThat(tx.pendingTimers()).containsExactly(TimerName.F);

    f.layer.onResponse(response(200, BRANCH, 2, "BYE", "remote"), TCP_PEER);

    assertThat(tx.state()).isEqualTo(NonInviteClientState.TERMINATED);
    assertThat(f.layer.size()).isZero();
  }

  @Test
  void aResponseForAnotherMethodWithTheSameBranchDoesNotMatch() {
    NonInviteClientTransaction tx = start(UDP_PEER);

    f.layer.onResponse(response(200, BRANCH, 2, "CANCEL", "remote"), UDP_PEER);

    assertThat(tx.state()).isEqualTo(NonInviteClientState.TRYING);
    assertThat(f.user.events).containsExactly("stray 200");
  }
}
