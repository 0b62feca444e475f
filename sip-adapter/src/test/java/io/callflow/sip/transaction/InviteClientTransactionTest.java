package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.TestMessages.TCP_PEER;
import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static io.callflow.sip.transaction.TestMessages.outgoing;
import static io.callflow.sip.transaction.TestMessages.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.timer.TimerName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InviteClientTransactionTest {

  private static final String BRANCH = "z9hG4bKict1";
  private final LayerFixture f = new LayerFixture();

  private InviteClientTransaction start(Peer peer) {
    return (InviteClientTransaction) f.layer.send(outgoing("INVITE", BRANCH, 1), peer, f.user);
  }

  @Test
  void overUdpTheInviteIsResentOnTimerAWithDoublingIntervalsUntilTimerB() {
    InviteClientTransaction tx = start(UDP_PEER);
    assertThat(tx.pendingTimers()).containsExactlyInAnyOrder(TimerName.A, TimerName.B);

    List<Duration> intervals = new ArrayList<>();
    while (tx.pendingTimers().contains(TimerName.A) && tx.timeUntil(TimerName.A).compareTo(tx.timeUntil(TimerName.B)) < 0) {
      intervals.add(f.fire(tx, TimerName.A));
    }
    f.fire(tx, TimerName.B);

    assertThat(intervals).extracting(Duration::toMillis).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L);
    assertThat(f.sender.requests("INVITE")).isEqualTo(7);
    assertThat(tx.state()).isEqualTo(InviteClientState.TERMINATED);
    assertThat(f.user.events).containsExactly("client timeout INVITE");
    assertThat(f.retransmissions()).isEqualTo(6);
    assertThat(f.counter("callflow.sip.transaction.timeouts", "timer", "B")).isEqualTo(1);
    assertThat(f.layer.size()).isZero();
  }

  @Test
  void overTcpTheInviteIsNeverResent() {
    InviteClientTransaction tx = start(TCP_PEER);

    assertThat(tx.pendingTimers()).containsExactly(TimerName.B);
    f.fire(tx, TimerName.B);
    assertThat(f.sender.requests("INVITE")).isEqualTo(1);
  }

  @Test
  void aProvisionalResponseStopsRetransmissionsAndGoesToTheTu() {
    InviteClientTransaction tx = start(UDP_PEER);

    f.layer.onResponse(response(180, BRANCH, 1, "INVITE", "remote"), UDP_PEER);

    assertThat(tx.state()).isEqualTo(InviteClientState.PROCEEDING);
    assertThat(tx.pendingTimers()).isEmpty();
    assertThat(f.user.events).containsExactly("response 180");
  }

  @Test
  void a2xxMovesToAcceptedWhereRetransmitted2xxStillReachTheTuUntilTimerM() {
    InviteClientTransaction tx = start(UDP_PEER);

    f.layer.onResponse(response(200, BRANCH, 1, "INVITE", "remote"), UDP_PEER);
    f.layer.onResponse(response(200, BRANCH, 1, "INVITE", "remote"), UDP_PEER);

    assertThat(tx.state()).isEqualTo(InviteClientState.ACCEPTED);
    assertThat(tx.pendingTimers()).containsExactly(TimerName.M);
    assertThat(f.user.events).containsExactly("response 200", "response 200");
    assertThat(f.sender.requests("ACK")).as("the TU, not the transaction, ACKs a 2xx").isZero();

    f.fire(tx, TimerName.M);
    assertThat(tx.state()).isEqualTo(InviteClientState.TERMINATED);
  }

  @Test
  void anErrorResponseIsAckedOnceToTheTuAndItsRetransmissionIsAckedAgainUntilTimerD() {
    InviteClientTransaction tx = start(UDP_PEER);

    f.layer.onResponse(response(486, BRANCH, 1, "INVITE", "remote"), UDP_PEER);
    f.layer.onResponse(response(486, BRANCH, 1, "INVITE", "remote"), UDP_PEER);

    assertThat(tx.state()).isEqualTo(InviteClientState.COMPLETED);
    assertThat(f.user.events).containsExactly("response 486");
    assertThat(f.sender.requests("ACK")).isEqualTo(2);
    SipRequest ack = (SipRequest) f.sender.last();
    assertThat(ack.topVia().orElseThrow().branch()).contains(BRANCH);
    assertThat(ack.to().orElseThrow().tag()).contains("remote");
    assertThat(tx.pendingTimers()).containsExactly(TimerName.D);
    assertThat(tx.timeUntil(TimerName.D)).isEqualTo(Duration.ofSeconds(32));

    f.fire(tx, TimerName.D);
    assertThat(tx.state()).isEqualTo(InviteClientState.TERMINATED);
  }

  @Test
  void overTcpAnErrorResponseTerminatesAtOnceBecauseTimerDIsZero() {
    InviteClientTransaction tx = start(TCP_PEER);

    f.layer.onResponse(response(503, BRANCH, 1, "INVITE", "remote"), TCP_PEER);

    assertThat(tx.state()).isEqualTo(InviteClientState.TERMINATED);
    assertThat(f.sender.requests("ACK")).isEqualTo(1);
  }

  @Test
  void aTransportErrorTerminatesAndTellsTheTu() {
    f.sender.failFromNowOn();

    InviteClientTransaction tx = start(TCP_PEER);

    assertThat(tx.state()).isEqualTo(InviteClientState.TERMINATED);
    assertThat(f.user.events).containsExactly("client transport error");
  }
}
