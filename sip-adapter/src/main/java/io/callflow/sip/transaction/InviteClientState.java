package io.callflow.sip.transaction;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of the INVITE client transaction, RFC 3261 §17.1.1.2 as updated by RFC 6026 §8.4
 * (2xx moves to Accepted instead of terminating).
 *
 * <pre>
 *                    |INVITE from TU
 *  Timer A fires     |INVITE sent
 *  Reset A,          V                      Timer B fires
 *  INVITE sent +-----------+                or Transport Err.
 *    +---------|           |---------------+inform TU
 *    |         |  Calling  |               |
 *    +--------&gt;|           |--------------&gt;|
 *              +-----------+ 2xx           |
 *                 |  |       2xx to TU     |
 *                 |  |1xx                  |
 * 300-699 +-------+  |1xx to TU            |
 * ACK sent|          |                     |
 * resp. to TU        V                     |
 *          |   +-----------+               |
 *          |   |           |-----------+   |
 *          |   | Proceeding|1xx        |   |
 *          |   |           |1xx to TU  |   |
 *          |   +-----------+&lt;----------+   |
 *          |   300-699 |   |2xx            |
 *          |   ACK sent|   |2xx to TU      |
 *          |   resp. to TU V               |
 *          |       |  +-----------+        |
 *          |       |  |           | 2xx to TU
 *          |       |  | Accepted  |-----+  |
 *          |       |  |           |     |  |
 *          |       |  +-----------+&lt;----+  |
 *          |       |       | Timer M       |
 *          V       V       V fires         |
 *      +-----------+   +-----------+       |
 *      |           |   |           |       |
 *      | Completed |--&gt;| Terminated|&lt;------+
 *      |           | D |           |
 *      +-----------+   +-----------+
 *       300-699: ACK sent (absorbed)
 * </pre>
 */
public enum InviteClientState {
  CALLING,
  PROCEEDING,
  ACCEPTED,
  COMPLETED,
  TERMINATED;

  /** From Calling: 1xx, 2xx, 300-699, Timer B or a transport error. */
  static final Set<InviteClientState> FROM_CALLING = EnumSet.of(PROCEEDING, ACCEPTED, COMPLETED, TERMINATED);
  /** From Proceeding: 2xx, 300-699 or a transport error. */
  static final Set<InviteClientState> FROM_PROCEEDING = EnumSet.of(ACCEPTED, COMPLETED, TERMINATED);
  /** From Accepted (RFC 6026): Timer M. */
  static final Set<InviteClientState> FROM_ACCEPTED = EnumSet.of(TERMINATED);
  /** From Completed: Timer D or a transport error. */
  static final Set<InviteClientState> FROM_COMPLETED = EnumSet.of(TERMINATED);

  /** True when the diagram has an arrow from this state to {@code next}. */
  boolean canMoveTo(InviteClientState next) {
    return switch (this) {
      case CALLING -> FROM_CALLING.contains(next);
      case PROCEEDING -> FROM_PROCEEDING.contains(next);
      case ACCEPTED -> FROM_ACCEPTED.contains(next);
      case COMPLETED -> FROM_COMPLETED.contains(next);
      case TERMINATED -> false;
    };
  }
}
