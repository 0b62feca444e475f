package io.callflow.sip.edge;

import java.util.Objects;
import java.util.Optional;

/**
 * The edge's decision on one incoming request. {@link Action#ALLOW} carries the source class
 * and no reason; a refusal carries the reason that was counted.
 */
public record Verdict(Action action, SourceClass source, Optional<RefusalReason> reason) {

  /** What the transport must do with the request. */
  public enum Action {
    /** Hand the request on to the transaction layer. */
    ALLOW,
    /** Answer 403 Forbidden statelessly (RFC 3261 §21.4.4) and create no transaction. */
    REFUSE_403,
    /** Discard the request without any answer. */
    DROP_SILENTLY
  }

  public Verdict {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    if ((action == Action.ALLOW) != reason.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs a reason and an allow has none: "
          + action + " " + reason);
    }
  }

  static Verdict allow(SourceClass source) {
    return new Verdict(Action.ALLOW, source, Optional.empty());
  }

  static Verdict refuse(RefusalMode mode, SourceClass source, RefusalReason reason) {
    Action action = mode == RefusalMode.REFUSE_403 ? Action.REFUSE_403 : Action.DROP_SILENTLY;
    return new Verdict(action, source, Optional.of(reason));
  }

  public boolean allowed() {
    return action == Action.ALLOW;
  }
}
