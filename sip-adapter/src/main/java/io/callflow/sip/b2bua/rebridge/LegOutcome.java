package io.callflow.sip.b2bua.rebridge;

import java.util.Objects;

/** How a re-INVITE of one leg ({@link ThirdPartyCallControl#hold}, {@code resume}) ended. */
public sealed interface LegOutcome {

  /** Status used when nothing was sent, e.g. the leg had no SDP to put on hold. */
  int NOT_SENT = 0;

  /** The leg accepted the new session description; the leg's local and remote SDP are updated. */
  record Done() implements LegOutcome {
  }

  /**
   * The leg refused it or did not answer: the final status (408 after Timer B, 503 on a
   * transport error, {@link #NOT_SENT}) and what happened, for the record. A 481 or 408 means
   * the leg is gone; the caller classifies that as a drop.
   */
  record Failed(int status, String detail) implements LegOutcome {
    public Failed {
      Objects.requireNonNull(detail, "detail");
    }
  }
}
