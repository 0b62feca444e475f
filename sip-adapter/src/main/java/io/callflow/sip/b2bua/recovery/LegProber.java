package io.callflow.sip.b2bua.recovery;

import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.transaction.ClientTransaction;
import io.callflow.sip.transaction.ClientTransactionListener;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart, finds out whether a saved leg is still up: restores its dialog into the
 * stack on the event loop of its Call-ID, with the local CSeq raised by
 * {@link ProbeSettings#cseqJump()}, and sends an OPTIONS in the dialog (RFC 3261 §11: every UA
 * answers it, and it changes neither the session nor the dialog). The final response decides
 * ({@link ProbeResponses}); on {@link ProbeOutcome.Gone} the restored dialog is dropped again.
 *
 * <p>The outcome is reported once, on the event loop of the leg's Call-ID.
 */
public final class LegProber {

  private static final Logger LOG = LoggerFactory.getLogger(LegProber.class);
  /** RFC 3261 §11.2: OPTIONS may be sent within a dialog; it has no side effects. */
  static final String PROBE_METHOD = "OPTIONS";

  private final SipStack stack;
  private final ProbeSettings settings;

  /** With {@link ProbeSettings#DEFAULTS}. */
  public LegProber(SipStack stack) {
    this(stack, ProbeSettings.DEFAULTS);
  }

  public LegProber(SipStack stack, ProbeSettings settings) {
    this.stack = Objects.requireNonNull(stack, "stack");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Probes {@code saved}; {@code done} hears {@link ProbeOutcome.Alive} or {@link ProbeOutcome.Gone}. */
  public void probe(LegSnapshot saved, Consumer<ProbeOutcome> done) {
    Objects.requireNonNull(done, "done");
    BridgedLeg leg;
    try {
      leg = saved.restore(settings.cseqJump());
    } catch (IllegalArgumentException e) {
      done.accept(new ProbeOutcome.Gone(ProbeOutcome.NOT_SENT, "not probed: " + e.getMessage()));
      return;
    }
    Dialog dialog = leg.dialog();
    stack.adopt(dialog, adopted -> {
      if (!adopted) {
        done.accept(new ProbeOutcome.Gone(ProbeOutcome.NOT_SENT,
            "not probed: the stack already holds a dialog " + dialog.id()));
        return;
      }
      stack.sendInDialog(dialog, PROBE_METHOD, null, null, new Probe(leg, done));
    });
  }

  /** The OPTIONS transaction's user: turns its end into one outcome. */
  private final class Probe implements ClientTransactionListener {
    private final BridgedLeg leg;
    private final Consumer<ProbeOutcome> done;

    Probe(BridgedLeg leg, Consumer<ProbeOutcome> done) {
      this.leg = leg;
      this.done = done;
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
      int status = response.statusCode();
      if (status < 200) {
        return;
      }
      if (ProbeResponses.meansGone(status)) {
        gone(status, "OPTIONS in dialog answered " + status + " " + response.reasonPhrase());
      } else {
        LOG.info("{} leg alive after restart: OPTIONS answered {} (Call-ID {})", leg.role(), status,
            leg.dialog().id().callId());
        done.accept(new ProbeOutcome.Alive(leg));
      }
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
      gone(ProbeResponses.REQUEST_TIMEOUT, "OPTIONS in dialog not answered (Timer F, RFC 3261 §17.1.2.2)");
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
      gone(ProbeResponses.TRANSPORT_FAILURE, "OPTIONS in dialog not delivered: " + cause.getMessage());
    }

    private void gone(int status, String detail) {
      stack.discard(leg.dialog());
      LOG.info("{} leg gone after restart: {} (Call-ID {})", leg.role(), detail, leg.dialog().id().callId());
      done.accept(new ProbeOutcome.Gone(status, detail));
    }
  }
}
