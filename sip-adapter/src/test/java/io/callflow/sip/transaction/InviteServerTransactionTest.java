package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.TestMessages.TCP_PEER;
import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static io.callflow.sip.transaction.TestMessages.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InviteServerTransactionTest {

  private static final String BRANCH = "z9hG4bKist1";
  private final LayerFixture f = new LayerFixture();

  private InviteServerTransaction receive(Peer peer) {
    f.layer.onRequest(request("INVITE", BRANCH, 1), peer);
    return (InviteServerTransaction) f.user.requests.get(0);
  }

  @Test
  void aSilentTuGets100TryingSentForItAfterTheTryingTimer() {
    InviteServerTransaction tx = receive(UDP_PEER);
    assertThat(tx.pendingTimers()).containsExactly(TimerName.TRYING);
    assertThat(tx.timeUntil(TimerName.TRYING)).isEqualTo(Duration.ofMillis(200));

    f.fire(tx, TimerName.TRYING);

    assertThat(f.sender.responses(100)).isEqualTo(1);
    assertThat(f.sender.last().to().orElseThrow().tag()).as("100 carries no To tag").isEmpty();
  }

  @Test
  void noTryingIsSentWhenTheTuRingsFirst() {
    InviteServerTransaction tx = receive(UDP_PEER);

    tx.respond(tx.createResponse(180, null));
    f.scheduler.advance(Duration.ofSeconds(1));

    assertThat(f.sender.responses(100)).isZero();
    assertThat(tx.pendingTimers()).isEmpty();
  }

  @Test
  void aRetransmittedInviteGetsTheLastProvisionalAgain() {
    InviteServerTransaction tx = receive(UDP_PEER);
    tx.respond(tx.createResponse(180, null));

    f.layer.onRequest(request("INVITE", BRANCH, 1), UDP_PEER);

    assertThat(f.sender.responses(180)).isEqualTo(2);
    assertThat(f.user.requests).hasSize(1);
  }

  @Test
  void anErrorResponseIsResentOnTimerGUntilTimerHTellsTheTu() {
    InviteServerTransaction tx = receive(UDP_PEER);
    tx.respond(tx.createResponse(486, null));
    assertThat(tx.state()).isEqualTo(InviteServerState.COMPLETED);
    assertThat(tx.pendingTimers()).containsExactlyInAnyOrder(TimerName.G, TimerName.H);

    List<Long> intervals = new ArrayList<>();
    while (tx.timeUntil(TimerName.G).compareTo(tx.timeUntil(TimerName.H)) < 0) {
      intervals.add(f.fire(tx, TimerName.G).toMillis());
    }
    f.fire(tx, TimerName.H);

    assertThat(intervals).containsExactly(500L, 1000L, 2000L, 4000L, 4000L, 4000L, 4000L, 4000L, 4000L, 4000L);
    assertThat(f.sender.responses(486)).isEqualTo(11);
    assertThat(tx.state()).isEqualTo(InviteServerState.TERMINATED);
    assertThat(f.user.events).containsExactly("request INVITE", "server timeout INVITE");
    assertThat(f.counter("callflow.sip.transaction.timeouts", "timer", "H")).isEqualTo(1);
  }

  @Test
  void theAckOfAnErrorResponseIsAbsorbedAndConfirmsUntilTimerI() {
    InviteServerTransaction tx = receive(UDP_PEER);
    tx.respond(tx.createResponse(404, null));

    f.layer.onRequest(request("ACK", BRANCH, 1, tx.localTag()), UDP_PEER);
    f.layer.onRequest(request("ACK", BRANCH, 1, tx.localTag()), UDP_PEER);

    assertThat(tx.state()).isEqualTo(InviteServerState.CONFIRMED);
    assertThat(tx.pendingTimers()).containsExactly(TimerName.I);
    assertThat(tx.timeUntil(TimerName.I)).isEqualTo(Duration.ofSeconds(5));
    assertThat(f.user.events).containsExactly("request INVITE");

    f.fire(tx, TimerName.I);
    assertThat(tx.state()).isEqualTo(InviteServerState.TERMINATED);
    assertThat(f.layer.size()).isZero();
  }

  @Test
  void overTcpNoTimerGRunsAndTheAckTerminatesAtOnce() {
    InviteServerTransaction tx = receive(TCP_PEER);
    tx.respond(tx.createResponse(486, null));
    assertThat(tx.pendingTimers()).containsExactly(TimerName.H);

    f.layer.onRequest(request("ACK", BRANCH, 1, tx.localTag()), TCP_PEER);

    assertThat(tx.state()).isEqualTo(InviteServerState.TERMINATED);
  }

  @Test
  void a2xxMovesToAcceptedWhichAbsorbsInviteRetransmissionsUntilTimerL() {
    InviteServerTransaction tx = receive(UDP_PEER);
    SipResponse ok = tx.createResponse(200, null);
    tx.respond(ok);

    f.layer.onRequest(request("INVITE", BRANCH, 1), UDP_PEER);

    assertThat(tx.state()).isEqualTo(InviteServerState.ACCEPTED);
    assertThat(f.sender.responses(200)).as("Accepted absorbs the INVITE").isEqualTo(1);
    assertThat(tx.pendingTimers()).containsExactly(TimerName.L);
    assertThat(tx.holdsRequest()).as("the parsed INVITE is let go at the final response").isFalse();

    tx.respond(ok);
    assertThat(f.sender.responses(200)).as("the core's 2xx retransmission passes").isEqualTo(2);

    f.fire(tx, TimerName.L);
    assertThat(tx.state()).isEqualTo(InviteServerState.TERMINATED);
  }

  @Test
  void aSecondFinalResponseIsRefusedNamingTheState() {
    InviteServerTransaction tx = receive(UDP_PEER);
    SipResponse ok = tx.createResponse(200, null);
    tx.respond(tx.createResponse(486, null));

    assertThatThrownBy(() -> tx.respond(ok))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("COMPLETED");
  }

  @Test
  void allResponsesOfTheTransactionCarryOneToTag() {
    InviteServerTransaction tx = receive(UDP_PEER);
    tx.respond(tx.createResponse(180, null));
    tx.respond(tx.createResponse(200, null));

    assertThat(f.sender.all()).extracting(s -> s.message().to().orElseThrow().tag().orElseThrow())
        .containsOnly(tx.localTag());
  }
}
