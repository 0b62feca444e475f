package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.TestMessages.TCP_PEER;
import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static io.callflow.sip.transaction.TestMessages.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerName;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NonInviteServerTransactionTest {

  private static final String BRANCH = "z9hG4bKnist1";
  private final LayerFixture f = new LayerFixture();

  private NonInviteServerTransaction receive(Peer peer) {
    f.layer.onRequest(request("OPTIONS", BRANCH, 5), peer);
    return (NonInviteServerTransaction) f.user.requests.get(0);
  }

  @Test
  void aRetransmissionInTryingIsAbsorbedSilently() {
    NonInviteServerTransaction tx = receive(UDP_PEER);

    f.layer.onRequest(request("OPTIONS", BRANCH, 5), UDP_PEER);

    assertThat(tx.state()).isEqualTo(NonInviteServerState.TRYING);
    assertThat(f.sender.all()).isEmpty();
    assertThat(f.user.requests).hasSize(1);
  }

  @Test
  void aProvisionalMovesToProceedingAndIsResentOnRetransmission() {
    NonInviteServerTransaction tx = receive(UDP_PEER);
    tx.respond(tx.createResponse(100, null));

    f.layer.onRequest(request("OPTIONS", BRANCH, 5), UDP_PEER);

    assertThat(tx.state()).isEqualTo(NonInviteServerState.PROCEEDING);
    assertThat(f.sender.responses(100)).isEqualTo(2);
  }

  @Test
  void theFinalResponseIsResentForEachRetransmissionUntilTimerJ() {
    NonInviteServerTransaction tx = receive(UDP_PEER);
    SipResponse ok = tx.createResponse(200, null).withHeader("Server", "callflow test");
    tx.respond(ok);

    f.layer.onRequest(request("OPTIONS", BRANCH, 5), UDP_PEER);
    f.layer.onRequest(request("OPTIONS", BRANCH, 5), UDP_PEER);

    assertThat(f.sender.responses(200)).isEqualTo(3);
    assertThat(f.retransmissions()).isEqualTo(2);
    assertThat(f.sender.last().toString()).as("the same response, byte for byte").isEqualTo(ok.toString());
    assertThat(tx.holdsRequest()).isFalse();
    assertThat(tx.pendingTimers()).containsExactly(TimerName.J);
    assertThat(tx.timeUntil(TimerName.J)).isEqualTo(Duration.ofSeconds(32));

    f.fire(tx, TimerName.J);
    assertThat(tx.state()).isEqualTo(NonInviteServerState.TERMINATED);

    f.layer.onRequest(request("OPTIONS", BRANCH, 5), UDP_PEER);
    assertThat(f.user.requests).as("after J the same request is new").hasSize(2);
  }

  @Test
  void overTcpTheFinalResponseTerminatesAtOnce() {
    NonInviteServerTransaction tx = receive(TCP_PEER);

    tx.respond(tx.createResponse(200, null));

    assertThat(tx.state()).isEqualTo(NonInviteServerState.TERMINATED);
    assertThat(f.layer.size()).isZero();
  }

  @Test
  void aTransportErrorTerminatesAndTellsTheTu() {
    NonInviteServerTransaction tx = receive(TCP_PEER);
    f.sender.failFromNowOn();

    tx.respond(tx.createResponse(100, null));

    assertThat(tx.state()).isEqualTo(NonInviteServerState.TERMINATED);
    assertThat(f.user.events).containsExactly("request OPTIONS", "server transport error");
  }
}
