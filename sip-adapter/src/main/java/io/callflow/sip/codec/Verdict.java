package io.callflow.sip.codec;

import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import java.util.Objects;

/** The outcome of reading one framed message: pass it on, answer it with an error, or drop it. */
public sealed interface Verdict {

  /** Valid enough for the transaction layer; RFC 4475 §3.3-style semantic issues included. */
  record Accepted(SipMessage message) implements Verdict {
    public Accepted {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * A request to answer with {@code reason.status()} (400 or 505) and {@code detail} as reason
   * phrase; it goes no further (RFC 3261 §8.2, §21.4.1, §21.5.20).
   */
  record Rejected(SipRequest request, FailureReason reason, String detail) implements Verdict {
    public Rejected {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /** The status code to answer with. */
    public int status() {
      return reason.status();
    }
  }

  /** Nothing can or may be answered (unparseable, a response, no Via, an ACK): counted and dropped. */
  record Dropped(FailureReason reason, String detail) implements Verdict {
    public Dropped {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
