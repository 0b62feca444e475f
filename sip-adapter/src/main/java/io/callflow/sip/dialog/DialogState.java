package io.callflow.sip.dialog;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a dialog, RFC 3261 §12.
 *
 * <pre>
 *   1xx with To tag (§12.1)      2xx (§12.1)
 *  ----------------&gt; EARLY ----------------&gt; CONFIRMED
 *                      |                        |
 *                      | non-2xx final (§12.3)  | BYE, or 481/408 to an
 *                      v                        v in-dialog request (§12.2.1.2)
 *                   TERMINATED &lt;----------------+
 * </pre>
 * A 2xx without an early phase creates the dialog CONFIRMED at once.
 */
public enum DialogState {
  EARLY,
  CONFIRMED,
  TERMINATED;

  /** From Early: the 2xx confirms it, a non-2xx final response ends it. */
  static final Set<DialogState> FROM_EARLY = EnumSet.of(CONFIRMED, TERMINATED);
  /** From Confirmed: BYE or a fatal in-dialog failure ends it. */
  static final Set<DialogState> FROM_CONFIRMED = EnumSet.of(TERMINATED);

  /** True when the diagram has an arrow from this state to {@code next}. */
  boolean canMoveTo(DialogState next) {
    return switch (this) {
      case EARLY -> FROM_EARLY.contains(next);
      case CONFIRMED -> FROM_CONFIRMED.contains(next);
      case TERMINATED -> false;
    };
  }
}
