package io.callflow.sip.b2bua.recovery;

import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import java.util.Objects;

/**
 * What probing a saved leg after a restart found. For core: {@link Alive} becomes
 * {@code SipEvent.LegAlive}, {@link Gone} becomes {@code SipEvent.LegGone} with the detail.
 */
public sealed interface ProbeOutcome {

  /** The peer still has the dialog; {@code restored} is the leg, its dialog held by the stack again. */
  record Alive(BridgedLeg restored) implements ProbeOutcome {
    public Alive {
      Objects.requireNonNull(restored, "restored");
    }
  }

  /**
   * The leg cannot be used: the peer answered {@code status} (481, 408, ... see
   * {@link ProbeResponses}), or no answer came (408, Timer F) or the transport failed (503,
   * RFC 3261 §8.1.3.1), or {@link #NOT_SENT} when no probe could be sent. The stack no longer
   * holds the dialog.
   */
  record Gone(int status, String detail) implements ProbeOutcome {
    public Gone {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** {@link Gone#status()} when the probe never left this side (see the detail). */
  int NOT_SENT = 0;
}
