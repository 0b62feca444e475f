package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static io.callflow.sip.transaction.TestMessages.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.callflow.sip.timer.TimerName;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transactions waiting out their last timer in the layer's queues instead of a timer each. */
class LingerQueuesTest {

  private final LayerFixture f = new LayerFixture();

  /** Receives OPTIONS with {@code branch} over UDP and answers it 200: it lingers for Timer J. */
  private NonInviteServerTransaction answered(String branch) {
    f.layer.onRequest(request("OPTIONS", branch, 1), UDP_PEER);
    NonInviteServerTransaction tx = (NonInviteServerTransaction) f.user.requests.get(f.user.requests.size() - 1);
    tx.respond(tx.createResponse(200, null));
    return tx;
  }

  @Test
  void manyLingeringTransactionsWaitOnOneScheduledTask() {
    for (int i = 0; i < 100; i++) {
      answered("z9hG4bKlinger" + i);
    }

    assertThat(f.layer.size()).isEqualTo(100);
    assertThat(f.scheduler.pendingCount()).as("one task for the queue, not one per transaction").isEqualTo(1);
  }

  @Test
  void eachTransactionTerminatesAtItsOwnDeadlineInTheOrderTheyStarted() {
    NonInviteServerTransaction first = answered("z9hG4bKfirst");
    f.scheduler.advance(Duration.ofSeconds(10));
    NonInviteServerTransaction second = answered("z9hG4bKsecond");

    assertThat(second.timeUntil(TimerName.J)).isEqualTo(Duration.ofSeconds(32));
    f.scheduler.advance(Duration.ofSeconds(22));
    assertThat(first.state()).isEqualTo(NonInviteServerState.TERMINATED);
    assertThat(second.state()).isEqualTo(NonInviteServerState.COMPLETED);
    assertThat(second.timeUntil(TimerName.J)).isEqualTo(Duration.ofSeconds(10));

    f.scheduler.advance(Duration.ofSeconds(10));
    assertThat(second.state()).isEqualTo(NonInviteServerState.TERMINATED);
    assertThat(f.layer.size()).isZero();
    assertThat(f.scheduler.pendingCount()).as("an empty queue waits for nothing").isZero();
  }

  @Test
  void aBusyQueueWakesOncePerTickNotForEveryTransaction() {
    List<NonInviteServerTransaction> started = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      started.add(answered("z9hG4bKtick" + i));
      f.scheduler.advance(Duration.ofMillis(1));
    }
    // Deadlines 32.000 s .. 32.099 s after the first; the tick of a 32 s queue is 500 ms.
    f.scheduler.advance(Duration.ofMillis(32_000 - 100));
    assertThat(started.get(0).state()).isEqualTo(NonInviteServerState.TERMINATED);
    f.scheduler.advance(Duration.ofMillis(1));
    assertThat(started.get(1).state()).as("due now, but the queue waits for its next tick")
        .isEqualTo(NonInviteServerState.COMPLETED);

    f.scheduler.advance(Duration.ofMillis(499));
    assertThat(started).as("one run a tick later terminates everything due by then")
        .allSatisfy(tx -> assertThat(tx.state()).isEqualTo(NonInviteServerState.TERMINATED));
    assertThat(f.scheduler.pendingCount()).isZero();
  }

  @Test
  void transactionsWithDifferentLastTimersWaitInTheirOwnQueues() {
    NonInviteServerTransaction server = answered("z9hG4bKj");
    NonInviteClientTransaction client = (NonInviteClientTransaction) f.layer.send(
        request("OPTIONS", "z9hG4bKk", 2), UDP_PEER, ClientTransactionListener.IGNORE);
    f.layer.onResponse(client.request().createResponse(200, null, "tag"), UDP_PEER);

    assertThat(client.pendingTimers()).containsExactly(TimerName.K);
    f.scheduler.advance(Duration.ofSeconds(5));
    assertThat(client.state()).as("K is T4").isEqualTo(NonInviteClientState.TERMINATED);
    assertThat(server.state()).as("J is 64*T1").isEqualTo(NonInviteServerState.COMPLETED);

    f.scheduler.advance(Duration.ofSeconds(27));
    assertThat(server.state()).isEqualTo(NonInviteServerState.TERMINATED);
  }

  @Test
  void aTransactionEndedWhileLingeringIsSkippedAtItsDeadline() {
    NonInviteServerTransaction ended = answered("z9hG4bKended");
    NonInviteServerTransaction behind = answered("z9hG4bKbehind");

    ended.transportFailed(new IOException("connection reset"));
    assertThat(ended.state()).isEqualTo(NonInviteServerState.TERMINATED);
    assertThat(ended.pendingTimers()).isEmpty();
    assertThatCode(ended::lingerExpired).as("its deadline, reached after it ended, changes nothing")
        .doesNotThrowAnyException();
    assertThat(f.user.events).containsOnlyOnce("server transport error");

    f.scheduler.advance(Duration.ofSeconds(32));
    assertThat(behind.state()).isEqualTo(NonInviteServerState.TERMINATED);
    assertThat(f.user.events).as("told once, not again at the deadline").containsOnlyOnce("server transport error");
    assertThat(f.layer.size()).isZero();
  }

  @Test
  void aLingeringTransactionLetsGoOfItsCallIdAndTagsButAnInviteKeepsItsToTag() {
    NonInviteServerTransaction options = answered("z9hG4bKshed");
    f.layer.onRequest(request("INVITE", "z9hG4bKinvite", 3), UDP_PEER);
    InviteServerTransaction invite = (InviteServerTransaction) f.user.requests.get(f.user.requests.size() - 1);
    String toTag = invite.localTag();
    invite.respond(invite.createResponse(200, null));

    assertThat(options.callId()).isEmpty();
    assertThat(options.remoteTag()).isEmpty();
    assertThat(options.localTag()).isNull();
    assertThat(invite.state()).isEqualTo(InviteServerState.ACCEPTED);
    assertThat(invite.callId()).isEmpty();
    assertThat(invite.localTag()).as("a CANCEL crossing the 2xx is answered with it").isEqualTo(toTag);
  }
}
