package io.callflow.sip.b2bua.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.time.ManualScheduler;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.SdpParseResult;
import io.callflow.sip.b2bua.SdpSession;
import io.callflow.sip.b2bua.rebridge.BridgeOutcome;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.b2bua.rebridge.LegOutcome;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.stack.SipStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One transfer's decisions, with the network scripted and time driven by hand. */
class CallTransferTest {

  private static final String AGENT_SDP = sdp("agent", 6001);
  private static final TransferTarget TARGET = new TransferTarget("sip:dept@127.0.0.1:5070", Optional.empty());

  private final ManualScheduler scheduler = new ManualScheduler();
  private final FakeCall call = new FakeCall();
  private final ScriptedSignalling signalling = new ScriptedSignalling();
  private final List<CallTransfer> finished = new ArrayList<>();

  private CallTransfer start(TransferTarget target, long referCseq, Optional<String> referredBy) {
    CallTransfer transfer = new CallTransfer(call, signalling, target, referCseq, finished::add);
    transfer.start(TransferSettings.defaults(), referredBy);
    return transfer;
  }

  @Test
  void referTransferNotifiesTryingAndDialsTheTargetFromTheCustomerWithReplacesAndReferredBy() {
    TransferTarget attended = new TransferTarget("sip:dept@127.0.0.1:5070",
        Optional.of("consult-1@127.0.0.1;to-tag=dt1;from-tag=ag1"));

    start(attended, 3, Optional.of("<sip:agent@127.0.0.1>"));

    assertThat(signalling.sent).singleElement().satisfies(notify -> {
      assertThat(notify.method()).isEqualTo("NOTIFY");
      assertThat(notify.dialog()).isSameAs(call.agent.dialog());
      assertThat(notify.headers()).containsEntry("Subscription-State", "active;expires=60");
      assertThat(notify.body()).isEqualTo("SIP/2.0 100 Trying\r\n");
    });
    assertThat(signalling.inviteTo).isEqualTo("sip:dept@127.0.0.1:5070");
    assertThat(signalling.inviteFrom).isEqualTo("sip:+15551234567@127.0.0.1");
    assertThat(signalling.inviteHeaders).containsEntry("Replaces", "consult-1@127.0.0.1;to-tag=dt1;from-tag=ag1")
        .containsEntry("Referred-By", "<sip:agent@127.0.0.1>");
    assertThat(signalling.held).isSameAs(call.customer);
    assertThat(signalling.ringTimeout).isEqualTo(TransferSettings.DEFAULT_RING_TIMEOUT);
  }

  @Test
  void bridgedTransferSwapsThePartnerReportsItAndByesTheAgentOnceTheFinalNotifyIsAnswered() {
    CallTransfer transfer = start(TARGET, 3, Optional.empty());
    BridgedLeg department = new BridgedLeg(Leg.AGENT, dialog("dept-call"));

    signalling.done.accept(new BridgeOutcome.Bridged(department));

    assertThat(call.partner).isSameAs(department);
    assertThat(call.events).containsExactly(new SipEvent.TransferCompleted(call.id()));
    assertThat(signalling.sent).hasSize(2).last().satisfies(notify -> {
      assertThat(notify.headers()).containsEntry("Subscription-State", "terminated;reason=noresource");
      assertThat(notify.body()).isEqualTo("SIP/2.0 200 OK\r\n");
    });
    assertThat(finished).as("the agent still gets its BYE").isEmpty();

    signalling.sent.get(1).answered().run();

    assertThat(signalling.sent).hasSize(3).last().satisfies(bye -> {
      assertThat(bye.method()).isEqualTo("BYE");
      assertThat(bye.dialog()).isSameAs(call.agent.dialog());
    });
    assertThat(transfer.state()).isEqualTo(CallTransfer.State.DONE);
    assertThat(finished).containsExactly(transfer);
  }

  @Test
  void busyTargetIsNotifiedToTheAgentAndTheCustomerStaysUntouched() {
    start(TARGET, 3, Optional.empty());

    signalling.done.accept(new BridgeOutcome.Failed(486, "the dialled party answered 486 Busy Here"));

    assertThat(signalling.sent).hasSize(2).last()
        .satisfies(notify -> assertThat(notify.body()).isEqualTo("SIP/2.0 486 Busy Here\r\n"));
    assertThat(scheduler.pendingCount()).as("no resume: the customer was never re-INVITEd").isZero();
    assertThat(call.events).isEmpty();
    assertThat(call.partner).isNull();
    assertThat(finished).hasSize(1);
  }

  @Test
  void customerReofferedBeforeTheFailureIsResumedWithTheAgentsSdpOnTheNextTurn() {
    start(TARGET, 3, Optional.empty());
    // What dialAndBridge does before it re-INVITEs the held leg with the target's offer.
    call.customer.origin().rewrite(parse(sdp("department", 6003)));

    signalling.done.accept(new BridgeOutcome.Failed(488, "the held leg answered the re-INVITE 488"));

    assertThat(signalling.resumed).as("not before the refusal's ACK is out").isEmpty();
    scheduler.advance(Duration.ZERO);
    assertThat(signalling.resumed).containsExactly(AGENT_SDP);
    assertThat(signalling.sent).last().satisfies(notify ->
        assertThat(notify.body()).isEqualTo("SIP/2.0 488 Not Acceptable Here\r\n"));
    assertThat(call.events).isEmpty();
  }

  @Test
  void agentWhoHungUpDuringAFailedTransferEndsTheCallAsANormalHangup() {
    CallTransfer transfer = start(TARGET, 3, Optional.empty());
    transfer.agentHungUp();

    signalling.done.accept(new BridgeOutcome.Failed(408, "no answer within the ring timeout of 30 s"));

    assertThat(call.events).singleElement().isInstanceOfSatisfying(SipEvent.LegEnded.class, ended -> {
      assertThat(ended.leg()).isEqualTo(Leg.AGENT);
      assertThat(ended.q850Cause()).isEqualTo(16);
    });
    assertThat(call.hungUp).isTrue();
    assertThat(signalling.sent).as("only the first NOTIFY, sent before the agent left").hasSize(1);
  }

  @Test
  void agentWhoHungUpGetsNothingMoreWhenTheTransferSucceeds() {
    CallTransfer transfer = start(TARGET, 3, Optional.empty());
    transfer.agentHungUp();

    signalling.done.accept(new BridgeOutcome.Bridged(new BridgedLeg(Leg.AGENT, dialog("dept-call"))));

    assertThat(call.events).containsExactly(new SipEvent.TransferCompleted(call.id()));
    assertThat(signalling.sent).hasSize(1);
    assertThat(finished).containsExactly(transfer);
  }

  @Test
  void consoleTransferSendsNoNotifyAndByesTheAgentOnceBridged() {
    start(TARGET, -1, Optional.empty());
    assertThat(signalling.sent).isEmpty();

    signalling.done.accept(new BridgeOutcome.Bridged(new BridgedLeg(Leg.AGENT, dialog("dept-call"))));

    assertThat(signalling.sent).singleElement().satisfies(bye -> assertThat(bye.method()).isEqualTo("BYE"));
    assertThat(call.events).containsExactly(new SipEvent.TransferCompleted(call.id()));
  }

  @Test
  void customerHangingUpWhileTheTargetRingsAbandonsTheDialAndNotifiesNothingMore() {
    CallTransfer transfer = start(TARGET, 3, Optional.empty());

    transfer.customerHungUp();
    signalling.done.accept(new BridgeOutcome.Failed(487, "abandoned while ringing"));

    assertThat(signalling.abandoned).isTrue();
    assertThat(signalling.sent).hasSize(1);
    assertThat(call.events).isEmpty();
    assertThat(finished).containsExactly(transfer);
  }

  @Test
  void callThatEndedWhileTheTargetWasBridgedByesTheTargetInsteadOfReportingATransfer() {
    call.swapAccepted = false;
    start(TARGET, -1, Optional.empty());
    BridgedLeg department = new BridgedLeg(Leg.AGENT, dialog("dept-call"));

    signalling.done.accept(new BridgeOutcome.Bridged(department));

    assertThat(call.events).isEmpty();
    assertThat(signalling.sent).singleElement().satisfies(bye -> {
      assertThat(bye.method()).isEqualTo("BYE");
      assertThat(bye.dialog()).isSameAs(department.dialog());
    });
  }

  // ---- fixtures ------------------------------------------------------------------------------

  private static String sdp(String user, int port) {
    return "v=0\r\no=" + user + " 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port
        + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
  }

  private static SdpSession parse(String sdp) {
    return ((SdpParseResult.Parsed) SdpSession.parse(sdp)).session();
  }

  private static Dialog dialog(String callId) {
    return Dialog.asUac(callId, "svc-tag", "peer-tag", "<sip:service@127.0.0.1>", "<sip:peer@127.0.0.1>",
        "sip:peer@127.0.0.1", List.of(), 1, false, false);
  }

  /** A bridged call: the customer's leg (its o= kept from the agent's answer) and the agent's. */
  private final class FakeCall implements TransferableCall {
    final BridgedLeg customer = new BridgedLeg(Leg.CUSTOMER, Dialog.asUas("customer-call", "svc-tag", "cust-tag",
        "<sip:4711@127.0.0.1>", "<sip:+15551234567@127.0.0.1>;tag=cust-tag", "sip:customer@127.0.0.1", List.of(), 1,
        false, false));
    final BridgedLeg agent = new BridgedLeg(Leg.AGENT, dialog("agent-call"));
    final List<SipEvent> events = new ArrayList<>();
    BridgedLeg partner;
    boolean swapAccepted = true;
    boolean hungUp;

    FakeCall() {
      customer.localSdp(customer.origin().rewrite(parse(AGENT_SDP)).text());
      agent.remoteSdp(AGENT_SDP);
    }

    @Override
    public CallId id() {
      return new CallId("customer-call");
    }

    @Override
    public SipStack stack() {
      throw new UnsupportedOperationException("the signalling is scripted");
    }

    @Override
    public Scheduler scheduler() {
      return scheduler;
    }

    @Override
    public String transport() {
      return "UDP";
    }

    @Override
    public BridgedLeg customer() {
      return customer;
    }

    @Override
    public BridgedLeg agent() {
      return agent;
    }

    @Override
    public boolean transferable() {
      return true;
    }

    @Override
    public boolean swapPartner(BridgedLeg newPartner) {
      if (swapAccepted) {
        partner = newPartner;
      }
      return swapAccepted;
    }

    @Override
    public void emit(SipEvent event) {
      events.add(event);
    }

    @Override
    public void hangUp() {
      hungUp = true;
    }
  }

  private record Sent(Dialog dialog, String method, Map<String, String> headers, String body, Runnable answered) {}

  /** Records what the transfer sends; the test plays the answers. */
  private static final class ScriptedSignalling implements TransferSignalling {
    final List<Sent> sent = new ArrayList<>();
    final List<String> resumed = new ArrayList<>();
    String inviteTo;
    String inviteFrom;
    Map<String, String> inviteHeaders;
    BridgedLeg held;
    Duration ringTimeout;
    Consumer<BridgeOutcome> done;
    boolean abandoned;

    @Override
    public SipRequest invite(String targetUri, String fromUri, Map<String, String> headers) {
      inviteTo = targetUri;
      inviteFrom = fromUri;
      inviteHeaders = headers;
      return SipRequest.builder("INVITE", targetUri).from(fromUri, "t1").to(targetUri, null)
          .callId("dept-call").cseq(1).via("UDP", "127.0.0.1", 5060, "z9hG4bKtest").build();
    }

    @Override
    public void dialAndBridge(SipRequest invite, String nextHop, BridgedLeg heldLeg, Duration timeout,
        Consumer<BridgeOutcome> outcome) {
      held = heldLeg;
      ringTimeout = timeout;
      done = outcome;
    }

    @Override
    public void resume(BridgedLeg leg, String sdp, Consumer<LegOutcome> outcome) {
      resumed.add(sdp);
      outcome.accept(new LegOutcome.Done());
    }

    @Override
    public boolean abandon(SipRequest invite) {
      abandoned = true;
      return true;
    }

    @Override
    public void send(Dialog dialog, String method, String contentType, byte[] body, Map<String, String> headers,
        Runnable answered) {
      sent.add(new Sent(dialog, method, headers, body == null ? null : new String(body, StandardCharsets.US_ASCII),
          answered));
    }
  }
}
