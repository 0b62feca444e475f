package io.callflow.sip.stack;

import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogMetrics;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transaction.RecordingSender;
import io.callflow.sip.transaction.TestMessages;
import io.callflow.sip.transaction.TransactionMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An INVITE whose 2xx the application ACKs itself, with the answer in the ACK (RFC 3725 §4). */
class ApplicationAckTest {

  private static final String BRANCH = "z9hG4bKapp";
  private static final byte[] ANSWER = "v=0\r\n".getBytes(StandardCharsets.US_ASCII);
  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingSender sender = new RecordingSender();
  private Dialog answered;
  private int answers;

  private final Shard shard = new Shard(Runnable::run, () -> true, scheduler, TimerSettings.DEFAULTS,
      sender, new AnsweringUas(), Map.of("UDP", new LocalEndpoint("UDP", "127.0.0.1", 5060)),
      TransactionMetrics.unregistered(), DialogMetrics.unregistered());

  private final CallListener listener = new CallListener() {
    @Override
    public void onAnswered(Dialog dialog, SipResponse response) {
      answered = dialog;
      answers++;
    }

    @Override
    public void onFailed(int status, SipResponse response) {
      throw new AssertionError("failed " + status);
    }
  };

  private static SipResponse ok() {
    return TestMessages.response(200, BRANCH, 1, "INVITE", "callee-tag");
  }

  private List<SipRequest> acks() {
    return sender.all().stream().map(RecordingSender.Sent::message)
        .filter(m -> m instanceof SipRequest r && r.method().equals("ACK"))
        .map(SipRequest.class::cast).toList();
  }

  @Test
  void the2xxIsNotAckedUntilTheApplicationAcksItWithABody() {
    shard.inviteAckedByApplication(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);
    shard.receive(ok(), UDP_PEER);

    assertThat(answers).isEqualTo(1);
    assertThat(acks()).isEmpty();

    shard.ack(answered, 1, "application/sdp", ANSWER);

    assertThat(acks()).singleElement().satisfies(ack -> {
      assertThat(ack.cseq().orElseThrow().number()).isEqualTo(1);
      assertThat(ack.contentType()).contains("application/sdp");
      assertThat(ack.body()).isEqualTo(ANSWER);
    });
  }

  @Test
  void aRetransmitted2xxBeforeTheApplicationAckedIsAbsorbed() {
    shard.inviteAckedByApplication(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);
    shard.receive(ok(), UDP_PEER);
    shard.receive(ok(), UDP_PEER);

    assertThat(acks()).isEmpty();
    assertThat(answers).isEqualTo(1);
  }

  @Test
  void everyRetransmitted2xxGetsTheSameAckAgainAlsoAfterTimerM() {
    shard.inviteAckedByApplication(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);
    shard.receive(ok(), UDP_PEER);
    scheduler.advance(Duration.ofSeconds(1));
    shard.ack(answered, 1, "application/sdp", ANSWER);

    shard.receive(ok(), UDP_PEER);
    scheduler.advance(Duration.ofMillis(31_500));
    assertThat(shard.layer().size()).as("Timer M ended the INVITE transaction").isZero();
    shard.receive(ok(), UDP_PEER);

    List<SipRequest> acks = acks();
    assertThat(acks).hasSize(3);
    assertThat(acks.get(1).toString()).as("the same ACK, byte for byte").isEqualTo(acks.get(0).toString());
    assertThat(acks.get(2).toString()).isEqualTo(acks.get(0).toString());
  }

  @Test
  void aPlainInviteIsStillAckedByTheStack() {
    shard.invite(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);
    shard.receive(ok(), UDP_PEER);

    assertThat(acks()).singleElement().satisfies(ack -> assertThat(ack.bodyLength()).isZero());
  }
}
