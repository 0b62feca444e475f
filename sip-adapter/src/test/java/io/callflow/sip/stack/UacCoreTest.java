package io.callflow.sip.stack;

import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogMetrics;
import io.callflow.sip.dialog.DialogState;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transaction.RecordingSender;
import io.callflow.sip.transaction.RecordingUser;
import io.callflow.sip.transaction.TestMessages;
import io.callflow.sip.transaction.TransactionMetrics;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UacCoreTest {

  private static final String BRANCH = "z9hG4bKuac";
  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingSender sender = new RecordingSender();
  private final List<String> events = new ArrayList<>();
  private Dialog answered;

  private final Shard shard = new Shard(Runnable::run, () -> true, scheduler, TimerSettings.DEFAULTS,
      sender, new SipApplication() {
        @Override
        public void onRequest(IncomingRequest request) {
          request.respond(405);
        }

        @Override
        public void onDialogRequest(Dialog dialog, IncomingRequest request) {
          request.respond(200);
        }
      }, Map.of("UDP", new LocalEndpoint("UDP", "127.0.0.1", 5060)),
      TransactionMetrics.unregistered(), DialogMetrics.unregistered());

  private final CallListener listener = new CallListener() {
    @Override
    public void onProvisional(SipResponse response, Dialog early) {
      events.add(response.statusCode() + (early == null ? "" : " early"));
    }

    @Override
    public void onAnswered(Dialog dialog, SipResponse response) {
      events.add("answered");
      answered = dialog;
    }

    @Override
    public void onFailed(int status, SipResponse response) {
      events.add("failed " + status);
    }
  };

  private static SipResponse reply(int status) {
    return TestMessages.response(status, BRANCH, 1, "INVITE", status == 100 ? "" : "callee-tag");
  }

  @Test
  void afterThe2xxTheLingeringInviteTransactionKeepsNeitherTheInviteNorTheCall() {
    SipRequest invite = TestMessages.outgoing("INVITE", BRANCH, 1);
    WeakReference<CallListener> call = inviteWithThrowawayListener(invite);

    shard.receive(reply(200), UDP_PEER);

    assertThat(shard.layer().size()).as("Accepted waits for retransmitted 2xx (Timer M)").isEqualTo(1);
    assertThat(shard.layer().clientFor(invite).orElseThrow().holdsRequest()).isFalse();
    assertThat(collected(call)).as("the call's listener is free to be collected").isTrue();
    shard.receive(reply(200), UDP_PEER);
    assertThat(sender.requests("ACK")).as("a retransmitted 2xx is still ACKed").isEqualTo(2);
  }

  private WeakReference<CallListener> inviteWithThrowawayListener(SipRequest invite) {
    CallListener throwaway = new CallListener() {
      @Override
      public void onProvisional(SipResponse response, Dialog early) {
      }

      @Override
      public void onAnswered(Dialog dialog, SipResponse response) {
        events.add("answered");
      }

      @Override
      public void onFailed(int status, SipResponse response) {
      }
    };
    shard.invite(invite, UDP_PEER, throwaway);
    return new WeakReference<>(throwaway);
  }

  /** True once the collector cleared {@code reference}; a few full collections are asked for. */
  private static boolean collected(WeakReference<?> reference) {
    for (int i = 0; i < 20 && reference.get() != null; i++) {
      System.gc();
      Thread.onSpinWait();
    }
    return reference.get() == null;
  }

  @Test
  void ringingMakesAnEarlyDialogThatThe2xxConfirmsAndAcks() {
    shard.invite(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);

    shard.receive(reply(100), UDP_PEER);
    shard.receive(reply(180), UDP_PEER);
    shard.receive(reply(200), UDP_PEER);

    assertThat(events).containsExactly("100", "180 early", "answered");
    assertThat(answered.state()).isEqualTo(DialogState.CONFIRMED);
    SipRequest ack = (SipRequest) sender.last();
    assertThat(ack.method()).isEqualTo("ACK");
    assertThat(ack.cseq().orElseThrow().number()).isEqualTo(1);
    assertThat(ack.to().orElseThrow().tag()).contains("callee-tag");
    assertThat(ack.requestUri()).isEqualTo("sip:callee@127.0.0.1:5070");
    assertThat(ack.topVia().orElseThrow().branch()).isNotEqualTo(java.util.Optional.of(BRANCH));
  }

  @Test
  void everyRetransmitted2xxIsAckedAgainButAnsweredOnlyOnce() {
    shard.invite(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);

    shard.receive(reply(200), UDP_PEER);
    shard.receive(reply(200), UDP_PEER);

    assertThat(sender.requests("ACK")).isEqualTo(2);
    assertThat(events).containsExactly("answered");
  }

  @Test
  void aByeInTheDialogUsesTheNextCseqAndEndsTheDialog() {
    shard.invite(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);
    shard.receive(reply(200), UDP_PEER);
    RecordingUser byeListener = new RecordingUser();

    shard.sendInDialog(answered, "BYE", null, null, byeListener);

    SipRequest bye = (SipRequest) sender.last();
    assertThat(bye.method()).isEqualTo("BYE");
    assertThat(bye.cseq().orElseThrow().number()).isEqualTo(2);
    assertThat(shard.dialogs().size()).isZero();
  }

  @Test
  void a2xxRetransmittedAfterTimerMEndedTheTransactionIsStillAcked() {
    shard.invite(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);
    shard.receive(reply(200), UDP_PEER);
    scheduler.advance(java.time.Duration.ofSeconds(33));
    assertThat(shard.layer().size()).as("Timer M ended the transaction").isZero();

    shard.receive(reply(200), UDP_PEER);

    assertThat(sender.requests("ACK")).isEqualTo(2);
  }

  @Test
  void aReInviteThisSideSendsIsAckedWithItsCseqAndMovesTheRemoteTarget() {
    shard.invite(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);
    shard.receive(reply(200), UDP_PEER);
    RecordingUser reInviteListener = new RecordingUser();

    shard.sendInDialog(answered, "INVITE", "application/sdp", "v=0\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        reInviteListener);
    SipRequest reInvite = (SipRequest) sender.last();
    String branch = reInvite.topVia().orElseThrow().branch().orElseThrow();
    shard.receive(TestMessages.response("SIP/2.0 200 OK\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=" + branch + "\n"
        + "From: <sip:service@127.0.0.1:5060>;tag=local-tag\n"
        + "To: <sip:callee@127.0.0.1:5070>;tag=callee-tag\n"
        + "Call-ID: call-2@127.0.0.1\n"
        + "CSeq: 2 INVITE\n"
        + "Contact: <sip:callee@127.0.0.1:5090>\n"
        + "Content-Length: 0\n\n"), UDP_PEER);

    SipRequest ack = (SipRequest) sender.last();
    assertThat(ack.method()).isEqualTo("ACK");
    assertThat(ack.cseq().orElseThrow().number()).isEqualTo(2);
    assertThat(ack.requestUri()).isEqualTo("sip:callee@127.0.0.1:5090");
    assertThat(answered.remoteTarget()).isEqualTo("sip:callee@127.0.0.1:5090");
    assertThat(reInviteListener.events).containsExactly("response 200");
  }

  @Test
  void a2xxFromASecondForkIsAckedAndThenEndedWithBye() {
    shard.invite(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);
    shard.receive(reply(200), UDP_PEER);

    shard.receive(TestMessages.response(200, BRANCH, 1, "INVITE", "other-fork"), UDP_PEER);

    assertThat(events).containsExactly("answered");
    assertThat(sender.requests("ACK")).isEqualTo(2);
    SipRequest bye = (SipRequest) sender.last();
    assertThat(bye.method()).isEqualTo("BYE");
    assertThat(bye.to().orElseThrow().tag()).contains("other-fork");
    assertThat(shard.dialogs().size()).as("only the answered dialog stays").isEqualTo(1);
  }

  @Test
  void aCancelWaitsForTheFirstProvisionalAndTheInviteEndsWith487() {
    SipRequest invite = TestMessages.outgoing("INVITE", BRANCH, 1);
    shard.invite(invite, UDP_PEER, listener);

    shard.cancel(invite);
    assertThat(sender.requests("CANCEL")).as("no CANCEL before a provisional (§9.1)").isZero();

    shard.receive(reply(180), UDP_PEER);
    SipRequest cancel = (SipRequest) sender.last();
    assertThat(cancel.method()).isEqualTo("CANCEL");
    assertThat(cancel.topVia().orElseThrow().branch()).contains(BRANCH);

    shard.receive(TestMessages.response(200, BRANCH, 1, "CANCEL", "callee-tag"), UDP_PEER);
    shard.receive(reply(487), UDP_PEER);
    assertThat(events).containsExactly("180 early", "failed 487");
    assertThat(shard.dialogs().size()).isZero();
  }

  @Test
  void aBusyAnswerFailsTheCall() {
    shard.invite(TestMessages.outgoing("INVITE", BRANCH, 1), UDP_PEER, listener);

    shard.receive(reply(486), UDP_PEER);

    assertThat(events).containsExactly("failed 486");
    assertThat(sender.requests("ACK")).as("the transaction ACKs a non-2xx").isEqualTo(1);
  }
}
