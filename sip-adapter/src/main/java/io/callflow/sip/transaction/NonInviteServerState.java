package io.callflow.sip.transaction;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of the non-INVITE server transaction, RFC 3261 §17.2.2, Figure 8.
 *
 * <pre>
 *                   |Request received
 *                   |pass to TU
 *                   V
 *             +-----------+
 *             |           |
 *             | Trying    |-------------+
 *             |           |             |
 *             +-----------+             |200-699 from TU
 *                   |                   |send response
 *                   |1xx from TU        |
 *                   |send response      |
 *                   |                   |
 * Request           V      1xx from TU  |
 * send response+-----------+send response|
 *     +--------|           |--------+   |
 *     |        | Proceeding|        |   |
 *     +-------&gt;|           |&lt;-------+   |
 *     +&lt;-------|           |            |
 *  Trnsprt Err +-----------+            |
 *  Inform TU        |                   |
 *     |             |                   |
 *     |             |200-699 from TU    |
 *     |             |send response      |
 *     |  Request    V                   |
 *     |  send response+-----------+     |
 *     |      +--------|           |     |
 *     |      |        | Completed |&lt;----+
 *     |      +-------&gt;|           |
 *     +&lt;--------------|           |
 *  Trnsprt Err        +-----------+
 *  Inform TU                |
 *     |                     |Timer J fires
 *     |                     |-
 *     |                     V
 *     |               +-----------+
 *     +--------------&gt;| Terminated|
 *                     +-----------+
 * </pre>
 */
public enum NonInviteServerState {
  TRYING,
  PROCEEDING,
  COMPLETED,
  TERMINATED;

  /** From Trying: 1xx or 200-699 from the TU. */
  static final Set<NonInviteServerState> FROM_TRYING = EnumSet.of(PROCEEDING, COMPLETED, TERMINATED);
  /** From Proceeding: 200-699 from the TU or a transport error. */
  static final Set<NonInviteServerState> FROM_PROCEEDING = EnumSet.of(COMPLETED, TERMINATED);
  /** From Completed: Timer J or a transport error. */
  static final Set<NonInviteServerState> FROM_COMPLETED = EnumSet.of(TERMINATED);

  /** True when the diagram has an arrow from this state to {@code next}. */
  boolean canMoveTo(NonInviteServerState next) {
    return switch (this) {
      case TRYING -> FROM_TRYING.contains(next);
      case PROCEEDING -> FROM_PROCEEDING.contains(next);
      case COMPLETED -> FROM_COMPLETED.contains(next);
      case TERMINATED -> false;
    };
  }
}
