package io.callflow.sip.b2bua.rebridge;

import java.util.Objects;

/** How {@link ThirdPartyCallControl#dialAndBridge} ended. */
public sealed interface BridgeOutcome {

  /** Both legs now carry each other's media; {@code dialled} is the new leg, its SDP recorded. */
  record Bridged(BridgedLeg dialled) implements BridgeOutcome {
    public Bridged {
      Objects.requireNonNull(dialled, "dialled");
    }
  }

  /**
   * No bridge: the dialled party's final status (486, 487, 408 on ring timeout...) or, once it
   * had answered, the held leg's (488, 491 that would not clear, 481/408: the held leg is gone).
   * A dialled leg that had answered was ACKed with a rejecting answer and ended with BYE.
   */
  record Failed(int status, String detail) implements BridgeOutcome {
    public Failed {
      Objects.requireNonNull(detail, "detail");
    }
  }
}
