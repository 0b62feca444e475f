package io.callflow.sip.stack;

import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogMetrics;
import io.callflow.sip.dialog.DialogState;
import io.callflow.sip.message.MessageChanges;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.timer.TimerName;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transaction.RecordingSender;
import io.callflow.sip.transaction.TestMessages;
import io.callflow.sip.transaction.TransactionMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UaCoreTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingSender sender = new RecordingSender();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> events = new ArrayList<>();
  private final List<Dialog> dialogs = new ArrayList<>();
  private Consumer<IncomingRequest> answer = request -> request.respond(200);

  private final SipApplication application = new SipApplication() {
    @Override
    public void onRequest(IncomingRequest request) {
      events.add("request " + request.method());
      answer.accept(request);
    }

    @Override
    public void onDialogRequest(Dialog dialog, IncomingRequest request) {
      events.add("dialog request " + request.method());
      request.respond(200);
    }

    @Override
    public void onAck(Dialog dialog, SipRequest ack) {
      events.add("ack");
      dialogs.add(dialog);
    }

    @Override
    public void onAckTimeout(Dialog dialog) {
      events.add("ack timeout");
    }

    @Override
    public void onCancel(IncomingRequest invite) {
      events.add("cancel " + invite.method());
    }
  };

  private final Shard shard = new Shard(Runnable::run, () -> true, scheduler, TimerSettings.DEFAULTS,
      sender, application, Map.of("UDP", new LocalEndpoint("UDP", "127.0.0.1", 5060)),
      new TransactionMetrics(registry, new SipMessageMetrics()), new DialogMetrics(registry));

  private static SipRequest invite(String branch) {
    return TestMessages.request("INVITE", branch, 1);
  }

  private SipResponse lastResponse() {
    return (SipResponse) sender.last();
  }

  private String answerAndGetTag() {
    shard.receive(invite("z9hG4bKinv"), UDP_PEER);
    return lastResponse().to().orElseThrow().tag().orElseThrow();
  }

  private static SipRequest inDialog(String method, String branch, long cseq, String toTag) {
    return TestMessages.request(method, branch, cseq, toTag);
  }

  @Test
  void a2xxToAnInviteCreatesTheDialogWithThisStacksContact() {
    String tag = answerAndGetTag();

    assertThat(lastResponse().statusCode()).isEqualTo(200);
    assertThat(lastResponse().contactUri()).contains("sip:127.0.0.1:5060");
    assertThat(shard.dialogs().size()).isEqualTo(1);
    assertThat(shard.dialogs().forReceivedRequest(inDialog("BYE", "z9hG4bKb", 2, tag)))
        .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DialogState.CONFIRMED));
  }

  @Test
  void aResponseToAnInviteIsCreatedWithThisStacksContactExceptA100() {
    List<SipResponse> created = new ArrayList<>();
    answer = request -> {
      created.add(request.createResponse(100, null));
      created.add(request.createResponse(180, null));
      created.add(request.createResponse(200, null, new MessageChanges().header("Contact", "<sip:app@192.0.2.1>")));
      created.add(request.createResponse(486, null));
      request.respond(created.get(2));
    };
    shard.receive(invite("z9hG4bKcreated"), UDP_PEER);

    assertThat(created.get(0).hasHeader("Contact")).isFalse();
    assertThat(created.get(1).contactUri()).contains("sip:127.0.0.1:5060");
    assertThat(created.get(2).contactUris()).as("the application's own Contact wins")
        .containsExactly("sip:app@192.0.2.1");
    assertThat(created.get(3).hasHeader("Contact")).isFalse();
    assertThat(lastResponse().contactUris()).containsExactly("sip:app@192.0.2.1");
  }

  @Test
  void the2xxIsResentWithDoublingIntervalsUntilTheAckArrives() {
    String tag = answerAndGetTag();
    Dialog dialog = shard.dialogs().forReceivedRequest(inDialog("BYE", "z9hG4bKb", 2, tag)).orElseThrow();
    AnswerRetransmission pending = shard.awaitingAck(dialog.id()).orElseThrow();
    assertThat(pending.pending()).containsExactlyInAnyOrder(TimerName.RETRANSMIT_2XX, TimerName.ACK_WAIT);

    List<Long> intervals = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Duration wait = pending.timeUntil(TimerName.RETRANSMIT_2XX);
      intervals.add(wait.toMillis());
      scheduler.advance(wait);
    }
    shard.receive(inDialog("ACK", "z9hG4bKack", 1, tag), UDP_PEER);
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(intervals).containsExactly(500L, 1000L, 2000L, 4000L, 4000L);
    assertThat(sender.responses(200)).isEqualTo(6);
    assertThat(events).containsExactly("request INVITE", "ack");
    assertThat(pending.pending()).isEmpty();
    assertThat(registry.get("callflow.sip.active.dialogs").gauge().value()).isEqualTo(1);
  }

  @Test
  void withoutAnAckWithin64T1TheStackSendsByeAndTellsTheApplication() {
    String tag = answerAndGetTag();
    Dialog dialog = shard.dialogs().forReceivedRequest(inDialog("BYE", "z9hG4bKb", 2, tag)).orElseThrow();
    AnswerRetransmission pending = shard.awaitingAck(dialog.id()).orElseThrow();

    scheduler.advance(pending.timeUntil(TimerName.ACK_WAIT));

    assertThat(sender.requests("BYE")).isEqualTo(1);
    assertThat(events).containsExactly("request INVITE", "ack timeout");
    assertThat(shard.dialogs().size()).isZero();
    assertThat(registry.get("callflow.sip.active.dialogs").gauge().value()).isZero();
    assertThat(registry.get("callflow.sip.transaction.timeouts").tag("timer", "ACK_WAIT").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aRequestWithAToTagMatchingNoDialogGets481() {
    shard.receive(inDialog("INFO", "z9hG4bKinfo", 3, "unknown-tag"), UDP_PEER);

    assertThat(lastResponse().statusCode()).isEqualTo(481);
    assertThat(events).isEmpty();
  }

  @Test
  void aByeInTheDialogReachesTheApplicationAndEndsTheDialog() {
    String tag = answerAndGetTag();
    shard.receive(inDialog("ACK", "z9hG4bKack", 1, tag), UDP_PEER);

    shard.receive(inDialog("BYE", "z9hG4bKbye", 2, tag), UDP_PEER);

    assertThat(events).containsExactly("request INVITE", "ack", "dialog request BYE");
    assertThat(lastResponse().statusCode()).isEqualTo(200);
    assertThat(shard.dialogs().size()).isZero();
    assertThat(dialogs.get(0).state()).isEqualTo(DialogState.TERMINATED);
  }

  @Test
  void anInDialogRequestWithALowerCseqGets500() {
    String tag = answerAndGetTag();
    shard.receive(inDialog("INFO", "z9hG4bKinfo1", 5, tag), UDP_PEER);

    shard.receive(inDialog("INFO", "z9hG4bKinfo2", 4, tag), UDP_PEER);

    assertThat(lastResponse().statusCode()).isEqualTo(500);
    assertThat(events).containsExactly("request INVITE", "dialog request INFO");
  }

  @Test
  void aReInviteRefreshesTheRemoteTarget() {
    String tag = answerAndGetTag();
    SipRequest reInvite = inDialog("INVITE", "z9hG4bKre", 2, tag)
        .withHeader("Contact", "<sip:caller@127.0.0.1:5090>");

    shard.receive(reInvite, UDP_PEER);

    Dialog dialog = shard.dialogs().forReceivedRequest(reInvite).orElseThrow();
    assertThat(dialog.remoteTarget()).isEqualTo("sip:caller@127.0.0.1:5090");
    assertThat(events).containsExactly("request INVITE", "dialog request INVITE");
  }

  @Test
  void anApplicationThatThrowsGets500SentForIt() {
    answer = request -> {
      throw new IllegalStateException("application bug");
    };

    shard.receive(invite("z9hG4bKboom"), UDP_PEER);

    assertThat(lastResponse().statusCode()).isEqualTo(500);
  }

  @Test
  void aCancelAfterRingingEndsTheEarlyDialogAndTellsTheApplication() {
    answer = request -> request.respond(180);
    shard.receive(invite("z9hG4bKcancelme"), UDP_PEER);
    assertThat(shard.dialogs().size()).as("early dialog").isEqualTo(1);

    shard.receive(TestMessages.request("CANCEL", "z9hG4bKcancelme", 1), UDP_PEER);

    assertThat(events).containsExactly("request INVITE", "cancel INVITE");
    assertThat(sender.responses(487)).isEqualTo(1);
    assertThat(shard.dialogs().size()).isZero();
  }

  @Test
  void anErrorAfterRingingEndsTheEarlyDialog() {
    answer = request -> {
      request.respond(180);
      request.respond(486);
    };

    shard.receive(invite("z9hG4bKbusy"), UDP_PEER);

    assertThat(sender.responses(180)).isEqualTo(1);
    assertThat(sender.responses(486)).isEqualTo(1);
    assertThat(shard.dialogs().size()).isZero();
  }
}
