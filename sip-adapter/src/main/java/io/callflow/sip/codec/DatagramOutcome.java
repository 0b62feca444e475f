package io.callflow.sip.codec;

import java.util.Objects;

/** What {@link DatagramFramer} made of one datagram. */
public sealed interface DatagramOutcome {

  /** One message to parse. */
  record Framed(SipFrame frame) implements DatagramOutcome {
    public Framed {
      Objects.requireNonNull(frame, "frame");
    }
  }

  /** Refused before parsing (over a limit); counted, not answered. */
  record Dropped(FailureReason reason) implements DatagramOutcome {
    public Dropped {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Only CR, LF or nothing: silently ignored, not a message and not a failure. */
  record Ignored() implements DatagramOutcome {
  }
}
