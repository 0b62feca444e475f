package io.callflow.sip.b2bua.rebridge;

import io.callflow.core.model.Leg;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.GlareBackoff;
import io.callflow.sip.b2bua.SdpSession;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transaction.Peer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third-party call control (RFC 3725) primitives the B2BUA reconnects a dropped call with:
 * put the surviving leg on hold, take it off hold, and bridge it to a party dialled anew.
 * Every SDP sent on a leg passes through that leg's {@link BridgedLeg#origin()}, so each leg
 * sees one session across re-bridges (same o= session id, version + 1 when the description
 * changed, RFC 3264 §8), and each successful exchange is recorded as the leg's local and
 * remote SDP.
 *
 * <p>Threading: results are delivered on the thread of the last event (the stack's loop for
 * the Call-ID, or the scheduler's). The caller should give a {@link Scheduler} on the call's
 * event loop and make the dialled INVITE's Call-ID hash to the same loop as the held leg's,
 * so that the whole call stays on one thread; each attempt is synchronized in case it does not.
 */
public final class ThirdPartyCallControl {

  private static final Logger LOG = LoggerFactory.getLogger(ThirdPartyCallControl.class);
  /** Glare retries of a hold or resume re-INVITE (RFC 3261 §14.1) before giving up with 491. */
  static final int MAX_GLARE_RETRIES = 3;
  /**
   * How long the held leg may take to answer the re-INVITE carrying the dialled party's offer:
   * 32*T1, half of the 64*T1 after which the dialled party stops retransmitting its 2xx and
   * ends the call (RFC 3261 §13.3.1.4), leaving the other half for the ACK to get there.
   */
  static final int HELD_ANSWER_WAIT_T1 = 32;

  private final LegSignalling signalling;
  private final Scheduler scheduler;
  private final GlareBackoff glare;
  private final Duration heldAnswerWait;
  private final Map<String, DialAndBridge> dialling = new ConcurrentHashMap<>();

  /** Runs on {@code stack}, with its timer values; {@code scheduler} times ring timeouts and glare retries. */
  public ThirdPartyCallControl(SipStack stack, Scheduler scheduler, GlareBackoff glare) {
    this(new StackSignalling(stack), scheduler, glare, stack.timers());
  }

  ThirdPartyCallControl(LegSignalling signalling, Scheduler scheduler, GlareBackoff glare, TimerSettings timers) {
    this.signalling = Objects.requireNonNull(signalling, "signalling");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.glare = Objects.requireNonNull(glare, "glare");
    this.heldAnswerWait = timers.t1().multipliedBy(HELD_ANSWER_WAIT_T1);
  }

  /**
   * Re-INVITEs {@code leg} with the hold offer (a=inactive on every stream, RFC 3264 §8.4) of
   * the SDP last sent on it, the leg's o= kept. A leg without SDP yet fails with
   * {@link LegOutcome#NOT_SENT}.
   */
  public void hold(BridgedLeg leg, Consumer<LegOutcome> done) {
    SdpSession last = DialAndBridge.parse(leg.localSdp());
    if (last == null) {
      done.accept(new LegOutcome.Failed(LegOutcome.NOT_SENT, "the leg has no valid SDP sent on it to put on hold"));
      return;
    }
    reoffer(leg, last.holdOffer(), "hold", done);
  }

  /**
   * Re-INVITEs {@code leg} with {@code sdp} (e.g. the other leg's last media again) to take it
   * off hold; malformed SDP fails with {@link LegOutcome#NOT_SENT} and sends nothing.
   */
  public void resume(BridgedLeg leg, String sdp, Consumer<LegOutcome> done) {
    SdpSession offer = DialAndBridge.parse(sdp);
    if (offer == null) {
      done.accept(new LegOutcome.Failed(LegOutcome.NOT_SENT, "the SDP to resume with does not parse"));
      return;
    }
    reoffer(leg, offer, "resume", done);
  }

  /**
   * RFC 3725 §4.2-style re-bridge: sends {@code inviteWithoutSdp} (built by the caller: no
   * body, no {@code Supported: 100rel}) to {@code destination}; when it is answered with an
   * offer, re-INVITEs {@code held} with that offer (491: back off per RFC 3261 §14.1 and
   * retry; 488 or anything else: give up), and ACKs the new leg with the held leg's answer or,
   * on failure, with a rejecting answer (every stream port 0, RFC 3264 §6) followed by BYE,
   * within 64*T1. A ring timeout CANCELs and fails with 408. On success the new leg is a new
   * {@link BridgedLeg} of {@code role}.
   *
   * @throws IllegalArgumentException when the INVITE has a body or offers or requires 100rel
   */
  public void dialAndBridge(SipRequest inviteWithoutSdp, Peer destination, Leg role, BridgedLeg held,
      Duration ringTimeout, Consumer<BridgeOutcome> done) {
    Objects.requireNonNull(role, "role");
    dial(inviteWithoutSdp, destination, dialog -> new BridgedLeg(role, dialog), held, ringTimeout, done);
  }

  /**
   * Like {@link #dialAndBridge(SipRequest, Peer, Leg, BridgedLeg, Duration, Consumer)}, for a
   * leg that already exists (a callback or redial of a dropped party): on success its dialog
   * is replaced by the new one and the answer sent to it passes through its own o= keeper.
   */
  public void dialAndBridge(SipRequest inviteWithoutSdp, Peer destination, BridgedLeg dialled, BridgedLeg held,
      Duration ringTimeout, Consumer<BridgeOutcome> done) {
    Objects.requireNonNull(dialled, "dialled");
    dial(inviteWithoutSdp, destination, dialog -> {
      dialled.replaceDialog(dialog);
      return dialled;
    }, held, ringTimeout, done);
  }

  /**
   * Cancels a {@link #dialAndBridge} still in progress for {@code inviteWithoutSdp}: CANCEL
   * while it rings, a rejecting ACK and BYE once answered; its outcome is then
   * {@link BridgeOutcome.Failed} with 487. Returns false when none is in progress.
   */
  public boolean abandon(SipRequest inviteWithoutSdp) {
    DialAndBridge attempt = dialling.get(inviteWithoutSdp.callId().orElse(""));
    if (attempt == null) {
      return false;
    }
    attempt.abandon();
    return true;
  }

  private void dial(SipRequest invite, Peer destination, Function<Dialog, BridgedLeg> dialledLeg,
      BridgedLeg held, Duration ringTimeout, Consumer<BridgeOutcome> done) {
    requireWithoutSdp(invite);
    Objects.requireNonNull(held, "held");
    Objects.requireNonNull(done, "done");
    String callId = invite.callId().orElseThrow(() -> new IllegalArgumentException("the INVITE has no Call-ID"));
    DialAndBridge attempt = new DialAndBridge(signalling, scheduler, glare, heldAnswerWait, invite, destination,
        held, dialledLeg, ringTimeout, outcome -> {
          dialling.remove(callId);
          LOG.info("re-bridge of {} leg {} to new Call-ID {}: {}", held.role(), held.dialog().id().callId(),
              callId, outcome);
          done.accept(outcome);
        });
    dialling.put(callId, attempt);
    attempt.start();
  }

  /** RFC 3725 §4.2: the controller's INVITE carries no offer, and no 100rel (§5: it would need an offer in the 1xx). */
  private static void requireWithoutSdp(SipRequest invite) {
    if (!invite.method().equals("INVITE")) {
      throw new IllegalArgumentException("dialAndBridge needs an INVITE, got " + invite.method());
    }
    if (invite.bodyLength() > 0) {
      throw new IllegalArgumentException("the INVITE must have no body (RFC 3725 §4.2: the dialled party makes the offer)");
    }
    for (String name : new String[] {"Supported", "Require"}) {
      for (String value : invite.headers(name)) {
        if (value.toLowerCase(Locale.ROOT).contains("100rel")) {
          throw new IllegalArgumentException("the INVITE must not carry " + name + ": 100rel (RFC 3725 §5)");
        }
      }
    }
  }

  private void reoffer(BridgedLeg leg, SdpSession offer, String purpose, Consumer<LegOutcome> done) {
    String body = leg.origin().rewrite(offer).text();
    new ReInvite(signalling, scheduler, glare, leg.dialog(), body, MAX_GLARE_RETRIES, null, response -> {
      if (response.success()) {
        leg.localSdp(body);
        if (response.sdp() != null) {
          leg.remoteSdp(response.sdp());
        }
        done.accept(new LegOutcome.Done());
      } else {
        LOG.info("{} re-INVITE of {} leg {} answered {}", purpose, leg.role(), leg.dialog().id().callId(),
            response.text());
        done.accept(new LegOutcome.Failed(response.status(), purpose + " re-INVITE answered " + response.text()));
      }
    }).start();
  }
}
