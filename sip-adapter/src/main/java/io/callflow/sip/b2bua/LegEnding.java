package io.callflow.sip.b2bua;

import java.util.List;
import java.util.Objects;

/** How a leg came to end, as the dialog layer saw it; {@link DropClassifier} decides whether it was a drop. */
public sealed interface LegEnding {

  /** The peer sent BYE; {@code reasonHeaderValues} are its Reason header values (RFC 3326), possibly none. */
  record Bye(List<String> reasonHeaderValues) implements LegEnding {
    public Bye {
      reasonHeaderValues = List.copyOf(reasonHeaderValues);
    }
  }

  /** An in-dialog request (re-INVITE, UPDATE, OPTIONS probe, BYE) was answered with {@code statusCode}, ending the dialog. */
  record InDialogResponse(int statusCode) implements LegEnding {
    public InDialogResponse {
      if (statusCode < 100 || statusCode > 699) {
        throw new IllegalArgumentException("statusCode " + statusCode + " is not a SIP status code (100..699)");
      }
    }
  }

  /** No session refresh arrived before the session expired (RFC 4028 §10). */
  record SessionTimerExpired() implements LegEnding {}

  /** The transport to the peer failed (ICMP unreachable, TCP reset, Timer B/F fired). */
  record TransportFailure(String detail) implements LegEnding {
    public TransportFailure {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The agent pressed "call dropped" on the console. */
  record AgentReported() implements LegEnding {}

  /** The leg was handed to another party by a transfer that completed (RFC 5589). */
  record TransferCompleted() implements LegEnding {}
}
