package io.callflow.sip.b2bua.call;

import io.callflow.sip.b2bua.SessionTimerDecision;
import java.util.Map;
import java.util.Objects;

/** What {@link InviteScreen} decided about a customer's INVITE. */
sealed interface InviteVerdict {

  /** Answer the INVITE with {@code status} (and {@code headers}) and place no agent leg. */
  record Reject(int status, String reason, Map<String, String> headers) implements InviteVerdict {
    public Reject {
      Objects.requireNonNull(reason, "reason");
      headers = Map.copyOf(headers);
    }
  }

  /**
   * Place the agent leg.
   *
   * @param maxForwards the Max-Forwards of the agent's INVITE (received − 1)
   * @param sdp the customer's offer, sent to the agent unchanged
   * @param customerTimer the session timer agreed with the customer (RFC 4028 §9)
   * @param customerSupportsTimer whether the customer listed {@code timer} in Supported
   */
  record Proceed(int maxForwards, String sdp, SessionTimerDecision.Accept customerTimer,
      boolean customerSupportsTimer) implements InviteVerdict {
    public Proceed {
      Objects.requireNonNull(sdp, "sdp");
      Objects.requireNonNull(customerTimer, "customerTimer");
    }
  }
}
