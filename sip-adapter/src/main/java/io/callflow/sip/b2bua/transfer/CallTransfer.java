package io.callflow.sip.b2bua.transfer;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.Leg;
import io.callflow.core.model.PhoneNumber;
import io.callflow.sip.b2bua.SdpOrigin;
import io.callflow.sip.b2bua.rebridge.BridgeOutcome;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.b2bua.rebridge.LegOutcome;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.UriText;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.stack.IncomingRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transfer of a call's customer to a target, on the call's event loop. The target is
 * INVITEd without SDP (with the Replaces of an attended transfer), and
 * {@code ThirdPartyCallControl.dialAndBridge} re-INVITEs the customer with the target's offer
 * and ACKs the target with the customer's answer (RFC 3725 §4.2; the customer leg keeps its
 * o=). Then the call's partner leg becomes the target's and the agent's leg is ended.
 *
 * <pre>
 *   DIALLING --bridged: TransferCompleted, final NOTIFY 200--&gt; ENDING_AGENT --NOTIFY answered: BYE--&gt; DONE
 *      |--failed: customer resumed with the agent when touched, final NOTIFY with the status--&gt; DONE
 * </pre>
 *
 * A REFER transfer ({@code referCseq >= 0}) reports progress to the agent's phone with
 * {@link ReferNotify}s; core's Transfer command has no subscription to report to. While it
 * runs, the agent leg's BYE is answered here (a phone may hang up right after 202) and its
 * offers get 491; a customer BYE abandons the dial and is left to the call.
 */
final class CallTransfer {

  private static final Logger LOG = LoggerFactory.getLogger(CallTransfer.class);
  /** Status for a final NOTIFY when the failure came without a SIP status (RFC 3261 §21.5.1). */
  private static final int SERVER_ERROR = 500;
  /** RFC 3261 §21.4.27. */
  private static final int REQUEST_PENDING = 491;
  /** Q.850 normal call clearing, for an agent who hung up during a transfer that then failed. */
  private static final int NORMAL_CLEARING = 16;

  enum State {
    DIALLING,
    ENDING_AGENT,
    DONE;

    private static final Set<State> FROM_DIALLING = EnumSet.of(ENDING_AGENT, DONE);
    private static final Set<State> FROM_ENDING_AGENT = EnumSet.of(DONE);

    boolean canMoveTo(State next) {
      return switch (this) {
        case DIALLING -> FROM_DIALLING.contains(next);
        case ENDING_AGENT -> FROM_ENDING_AGENT.contains(next);
        case DONE -> false;
      };
    }
  }

  private final TransferableCall call;
  private final BridgedLeg agent;
  private final TransferTarget target;
  private final long referCseq;
  private final Consumer<CallTransfer> finished;
  private final TransferSignalling signalling;
  private State state = State.DIALLING;
  private SipRequest invite;
  private Optional<SdpOrigin> customerOriginBefore = Optional.empty();
  private boolean agentGone;
  private boolean customerGone;

  /** @param referCseq the REFER's CSeq number, or -1 for core's Transfer command (no NOTIFYs) */
  CallTransfer(TransferableCall call, TransferSignalling signalling, TransferTarget target, long referCseq,
      Consumer<CallTransfer> finished) {
    this.call = call;
    this.agent = call.agent();
    this.target = target;
    this.referCseq = referCseq;
    this.finished = finished;
    this.signalling = signalling;
  }

  /** Sends the first NOTIFY (REFER only) and the INVITE to the target. */
  void start(TransferSettings settings, Optional<String> referredBy) {
    notifyAgent(ReferNotify.trying(referCseq), () -> { });
    customerOriginBefore = call.customer().origin().current();
    LOG.info("call {}: transferring the customer to {}{}", call.id(), PhoneNumber.mask(target.uri()),
        target.replaces().isPresent() ? " (attended, with Replaces)" : "");
    try {
      dial(settings, referredBy);
    } catch (RuntimeException e) {
      // A target the message layer cannot put in a Request-URI or To, say: nothing was sent.
      transferFailed(new BridgeOutcome.Failed(SERVER_ERROR, "the INVITE to the target could not be sent: " + e));
    }
  }

  private void dial(TransferSettings settings, Optional<String> referredBy) {
    BridgedLeg customer = call.customer();
    Map<String, String> headers = new LinkedHashMap<>();
    // RFC 3891 §3: the target replaces the dialog the Replaces names (its consult call) with this one.
    target.replaces().ifPresent(replaces -> headers.put("Replaces", replaces));
    // RFC 3892 §3: who asked for the transfer, when the agent's phone said so.
    referredBy.ifPresent(value -> headers.put("Referred-By", value));
    invite = signalling.invite(target.uri(), UriText.addrSpec(customer.dialog().remoteUri()), headers);
    String route = target.scheme() == TransferTarget.Scheme.TEL ? settings.telRoute().orElseThrow() : target.uri();
    signalling.dialAndBridge(invite, route, customer, settings.ringTimeout(), this::dialled);
  }

  /**
   * A request on one of the call's dialogs while the transfer runs: true when it was answered
   * here (the agent leg's BYE, INVITE or UPDATE), false to leave it to the call.
   */
  boolean intercepts(Dialog dialog, IncomingRequest request) {
    if (state == State.DONE) {
      return false;
    }
    String method = request.method();
    if (dialog.id().equals(agent.dialog().id())) {
      if (method.equals("BYE")) {
        request.respond(200);
        agentHungUp();
        return true;
      }
      if (method.equals("INVITE") || method.equals("UPDATE")) {
        request.respond(request.createResponse(REQUEST_PENDING, null));
        return true;
      }
      return false;
    }
    if (method.equals("BYE")) {
      customerHungUp();
    }
    return false;
  }

  /** The agent's BYE, answered: nothing more goes to the agent; a failure then ends the call. */
  void agentHungUp() {
    agentGone = true;
    LOG.debug("call {}: the agent hung up during the transfer", call.id());
  }

  /** The customer's BYE (the call handles it): a dial still in progress is abandoned. */
  void customerHungUp() {
    if (state == State.DIALLING) {
      customerGone = true;
      if (invite != null) {
        signalling.abandon(invite);
      }
    }
  }

  State state() {
    return state;
  }

  private void dialled(BridgeOutcome outcome) {
    if (state != State.DIALLING) {
      return;
    }
    if (outcome instanceof BridgeOutcome.Bridged bridged) {
      if (!call.swapPartner(bridged.dialled())) {
        // The call ended while the target was being bridged: nobody is left to talk to it.
        LOG.info("call {}: ended during its transfer; the target's leg is ended too", call.id());
        signalling.send(bridged.dialled().dialog(), "BYE", null, null, Map.of(), () -> { });
        moveTo(State.DONE);
        finished.accept(this);
        return;
      }
      call.emit(new SipEvent.TransferCompleted(call.id()));
      LOG.info("call {}: customer transferred to {}", call.id(), PhoneNumber.mask(target.uri()));
      moveTo(State.ENDING_AGENT);
      notifyAgent(ReferNotify.finalStatus(referCseq, 200), this::endAgentLeg);
    } else if (outcome instanceof BridgeOutcome.Failed failed) {
      transferFailed(failed);
    }
  }

  /** The customer stays with the agent; nothing here is a drop. */
  private void transferFailed(BridgeOutcome.Failed failed) {
    LOG.info("call {}: transfer to {} failed: {} {}", call.id(), PhoneNumber.mask(target.uri()), failed.status(),
        PhoneNumber.mask(failed.detail()));
    moveTo(State.DONE);
    if (customerGone) {
      finished.accept(this);
      return;
    }
    BridgedLeg customer = call.customer();
    if (!customer.origin().current().equals(customerOriginBefore) && agent.remoteSdp() != null) {
      // The customer was re-INVITEd with the target's offer: point its media at the agent again.
      // Queued rather than sent now: a refusal reaches us before its transaction has ACKed it,
      // and the customer must see that ACK before the next re-INVITE.
      String agentSdp = agent.remoteSdp();
      call.scheduler().schedule(Duration.ZERO, () -> signalling.resume(customer, agentSdp, this::resumed));
    }
    if (agentGone) {
      call.emit(new SipEvent.LegEnded(call.id(), Leg.AGENT, NORMAL_CLEARING,
          "the agent hung up during a transfer that failed (" + failed.status() + ")"));
      call.hangUp();
    } else {
      notifyAgent(ReferNotify.finalStatus(referCseq, failed.status() >= 300 ? failed.status() : SERVER_ERROR),
          () -> { });
    }
    finished.accept(this);
  }

  private void resumed(LegOutcome outcome) {
    if (outcome instanceof LegOutcome.Failed failed) {
      LOG.warn("call {}: resuming the customer with the agent after a failed transfer: {} {}", call.id(),
          failed.status(), failed.detail());
    }
  }

  private void endAgentLeg() {
    if (!agentGone) {
      signalling.send(agent.dialog(), "BYE", null, null, Map.of(), () -> { });
    }
    moveTo(State.DONE);
    finished.accept(this);
  }

  /** A NOTIFY to the agent's phone (REFER transfers only), then {@code then} once it is answered. */
  private void notifyAgent(ReferNotify notify, Runnable then) {
    if (referCseq < 0 || agentGone) {
      then.run();
      return;
    }
    signalling.send(agent.dialog(), "NOTIFY", ReferNotify.CONTENT_TYPE, notify.bodyBytes(), notify.headers(), then);
  }

  private void moveTo(State next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("transfer of call " + call.id() + ": no transition " + state + " -> " + next);
    }
    LOG.debug("transfer of call {} {} -> {}", call.id(), state, next);
    state = next;
  }
}
