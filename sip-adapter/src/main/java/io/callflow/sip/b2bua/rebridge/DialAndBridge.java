package io.callflow.sip.b2bua.rebridge;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.GlareBackoff;
import io.callflow.sip.b2bua.SdpParseResult;
import io.callflow.sip.b2bua.SdpSession;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.CallListener;
import io.callflow.sip.transaction.Peer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RFC 3725 re-bridge (§4.2, flow I as seen from the controller): the lost party is
 * INVITEd without SDP, its 2xx carries its offer, the held leg is re-INVITEd with that offer,
 * and the held leg's answer goes to the new party in the ACK.
 *
 * <pre>
 *   RINGING --2xx with offer--&gt; BRIDGING --held 2xx with answer: ACK(answer)--&gt; ENDED (Bridged)
 *      |                           |--held refused / too slow / abandoned:
 *      |                           |     ACK(rejecting answer), BYE--------&gt; ENDED (Failed)
 *      |--non-2xx, 2xx without offer-----------------------------------------&gt; ENDED (Failed)
 *      |--ring timeout / abandoned: CANCEL (Failed reported)--&gt; CANCELLED
 *                                       CANCELLED --final (2xx: ACK rejecting, BYE)--&gt; ENDED
 * </pre>
 *
 * The new party's 2xx must be ACKed before it gives up (64*T1, RFC 3261 §13.3.1.4), so the
 * held leg gets {@code heldAnswerWait} (32*T1) to answer, glare retries included. Every
 * entry point decides under the attempt's lock (stack callbacks and scheduler tasks may come
 * from different threads when the caller did not pin both Call-IDs to one loop) and hands the
 * outcome over after releasing it.
 */
final class DialAndBridge implements CallListener {

  private static final Logger LOG = LoggerFactory.getLogger(DialAndBridge.class);
  /** Glare retries of the held leg's re-INVITE; the deadline usually ends them first. */
  static final int MAX_GLARE_RETRIES = 5;

  enum State {
    RINGING,
    CANCELLED,
    BRIDGING,
    ENDED;

    private static final Set<State> FROM_RINGING = EnumSet.of(CANCELLED, BRIDGING, ENDED);
    private static final Set<State> FROM_CANCELLED = EnumSet.of(ENDED);
    private static final Set<State> FROM_BRIDGING = EnumSet.of(ENDED);

    boolean canMoveTo(State next) {
      return switch (this) {
        case RINGING -> FROM_RINGING.contains(next);
        case CANCELLED -> FROM_CANCELLED.contains(next);
        case BRIDGING -> FROM_BRIDGING.contains(next);
        case ENDED -> false;
      };
    }
  }

  private final LegSignalling signalling;
  private final Scheduler scheduler;
  private final GlareBackoff glare;
  private final Duration heldAnswerWait;
  private final SipRequest invite;
  private final Peer destination;
  private final BridgedLeg held;
  private final Function<Dialog, BridgedLeg> dialledLeg;
  private final Duration ringTimeout;
  private final Consumer<BridgeOutcome> done;
  private State state = State.RINGING;
  private boolean reported;
  private BridgeOutcome pending;
  private ScheduledTask ringTimer;
  private ScheduledTask heldTimer;
  private ReInvite reInvite;
  private Dialog dialog;
  private SdpSession offer;
  private String offerToHeld;

  DialAndBridge(LegSignalling signalling, Scheduler scheduler, GlareBackoff glare, Duration heldAnswerWait,
      SipRequest invite, Peer destination, BridgedLeg held, Function<Dialog, BridgedLeg> dialledLeg,
      Duration ringTimeout, Consumer<BridgeOutcome> done) {
    this.signalling = signalling;
    this.scheduler = scheduler;
    this.glare = glare;
    this.heldAnswerWait = heldAnswerWait;
    this.invite = invite;
    this.destination = destination;
    this.held = held;
    this.dialledLeg = dialledLeg;
    this.ringTimeout = ringTimeout;
    this.done = done;
  }

  void start() {
    synchronized (this) {
      ringTimer = scheduler.schedule(ringTimeout, this::ringTimedOut);
    }
    signalling.invite(invite, destination, this);
  }

  /** The caller no longer wants the bridge: CANCEL while ringing, reject and BYE once answered. */
  void abandon() {
    synchronized (this) {
      abandoned();
    }
    deliver();
  }

  @Override
  public void onAnswered(Dialog answered, SipResponse response) {
    synchronized (this) {
      answered(answered, response);
    }
    deliver();
  }

  @Override
  public void onFailed(int status, SipResponse response) {
    synchronized (this) {
      failed(status, response);
    }
    deliver();
  }

  private void ringTimedOut() {
    synchronized (this) {
      if (state == State.RINGING) {
        cancel(408, "no answer within the ring timeout of " + ringTimeout.toSeconds() + " s");
      }
    }
    deliver();
  }

  private void heldAnswered(FinalResponse response) {
    synchronized (this) {
      bridge(response);
    }
    deliver();
  }

  private void heldTooSlow() {
    synchronized (this) {
      if (state == State.BRIDGING) {
        reInvite.stop();
        rejectAndEnd();
        report(new BridgeOutcome.Failed(408, "the held leg did not answer the re-INVITE within "
            + heldAnswerWait.toMillis() + " ms"));
      }
    }
    deliver();
  }

  /** Hands the outcome, once decided, to the caller outside the attempt's lock. */
  private void deliver() {
    BridgeOutcome outcome;
    synchronized (this) {
      outcome = pending;
      pending = null;
    }
    if (outcome != null) {
      done.accept(outcome);
    }
  }

  private void abandoned() {
    if (state == State.RINGING) {
      cancel(487, "abandoned while ringing");
    } else if (state == State.BRIDGING) {
      reInvite.stop();
      heldTimer.cancel();
      rejectAndEnd();
      report(new BridgeOutcome.Failed(487, "abandoned while the held leg was being re-INVITEd"));
    }
  }

  private void answered(Dialog answered, SipResponse response) {
    if (state != State.RINGING && state != State.CANCELLED) {
      return;
    }
    ringTimer.cancel();
    dialog = answered;
    offer = parse(FinalResponse.sdpOf(response));
    if (offer == null) {
      // RFC 3261 §13.2.2.4: a 2xx to an INVITE without offer must carry one; nothing to answer.
      signalling.ack(dialog, cseq(), null);
      signalling.bye(dialog);
      moveTo(State.ENDED);
      report(new BridgeOutcome.Failed(488, "the dialled party's 2xx carried no valid SDP offer"));
      return;
    }
    if (state == State.CANCELLED) {
      // The 2xx crossed our CANCEL (§9.1): the outcome is already reported.
      rejectAndEnd();
      return;
    }
    moveTo(State.BRIDGING);
    offerToHeld = held.origin().rewrite(offer).text();
    heldTimer = scheduler.schedule(heldAnswerWait, this::heldTooSlow);
    reInvite = new ReInvite(signalling, scheduler, glare, held.dialog(), offerToHeld, MAX_GLARE_RETRIES,
        scheduler.clock().instant().plus(heldAnswerWait), this::heldAnswered);
    reInvite.start();
  }

  private void failed(int status, SipResponse response) {
    if (state == State.CANCELLED) {
      moveTo(State.ENDED);
    } else if (state == State.RINGING) {
      ringTimer.cancel();
      moveTo(State.ENDED);
      String reason = response != null ? response.reasonPhrase()
          : status == 408 ? FinalResponse.TIMEOUT.reason()
          : status == 503 ? FinalResponse.TRANSPORT_ERROR.reason() : "without a response";
      report(new BridgeOutcome.Failed(status, "the dialled party answered " + status + " " + reason));
    }
  }

  private void cancel(int status, String detail) {
    ringTimer.cancel();
    moveTo(State.CANCELLED);
    signalling.cancel(invite);
    report(new BridgeOutcome.Failed(status, detail));
  }

  private void bridge(FinalResponse response) {
    if (state != State.BRIDGING) {
      return;
    }
    heldTimer.cancel();
    SdpSession answer = response.success() ? parse(response.sdp()) : null;
    if (answer == null) {
      rejectAndEnd();
      report(response.success()
          ? new BridgeOutcome.Failed(488, "the held leg's 2xx to the re-INVITE carried no valid SDP answer")
          : new BridgeOutcome.Failed(response.status(), "the held leg answered the re-INVITE " + response.text()));
      return;
    }
    BridgedLeg dialled = dialledLeg.apply(dialog);
    String answerToDialled = dialled.origin().rewrite(answer).text();
    signalling.ack(dialog, cseq(), answerToDialled);
    held.localSdp(offerToHeld);
    held.remoteSdp(response.sdp());
    dialled.remoteSdp(offer.text());
    dialled.localSdp(answerToDialled);
    moveTo(State.ENDED);
    report(new BridgeOutcome.Bridged(dialled));
  }

  /** RFC 3264 §6: ACK the dialled party's offer with every stream rejected, then end its dialog. */
  private void rejectAndEnd() {
    signalling.ack(dialog, cseq(), RejectingAnswer.to(offer, scheduler.clock().millis()).text());
    signalling.bye(dialog);
    moveTo(State.ENDED);
  }

  private long cseq() {
    return invite.cseq().orElseThrow().number();
  }

  /** Decides the one outcome; {@link #deliver()} hands it over. */
  private void report(BridgeOutcome outcome) {
    if (!reported) {
      reported = true;
      pending = outcome;
    }
  }

  private void moveTo(State next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("re-bridge " + invite.callId().orElse("?") + ": no transition "
          + state + " -> " + next);
    }
    LOG.debug("re-bridge {} {} -> {}", invite.callId().orElse("?"), state, next);
    state = next;
  }

  /** The parsed SDP, or null when there is none or it is malformed. */
  static SdpSession parse(String sdp) {
    return sdp != null && SdpSession.parse(sdp) instanceof SdpParseResult.Parsed parsed ? parsed.session() : null;
  }
}
