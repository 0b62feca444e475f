package io.callflow.sip.transaction;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of the non-INVITE client transaction, RFC 3261 §17.1.2.2, Figure 6.
 *
 * <pre>
 *                                    |Request from TU
 *                                    |send request
 *                Timer E             V
 *                send request  +-----------+
 *                    +---------|           |-------------------+
 *                    |         |  Trying   |  Timer F          |
 *                    +--------&gt;|           |  or Transport Err.|
 *                              +-----------+  inform TU        |
 * 200-699                         |  |                         |
 * resp. to TU                     |  |1xx                      |
 * +-------------------------------+  |resp. to TU              |
 * |                                  |                         |
 * |   Timer E              V       Timer F                     |
 * |   send req +-----------+       or Transport Err.           |
 * |  +---------|           |       inform TU                   |
 * |  |         |Proceeding |------------------&gt;+               |
 * |  +--------&gt;|           |-----+             |               |
 * |            +-----------+1xx  |             |               |
 * |              |      ^   resp to TU         |               |
 * | 200-699      |      +--------+             |               |
 * | resp. to TU  |                             |               |
 * |              V                             |               |
 * |            +-----------+                   |               |
 * |            |           |                   |               |
 * |            | Completed |                   |               |
 * |            |           |                   |               |
 * |            +-----------+                   |               |
 * |              ^   |                         |               |
 * |              |   | Timer K                 |               |
 * +--------------+   | -                       |               |
 *                    V                         |               |
 *              +-----------+                   |               |
 *              |           |                   |               |
 *              | Terminated|&lt;------------------+---------------+
 *              |           |
 *              +-----------+
 * </pre>
 */
public enum NonInviteClientState {
  TRYING,
  PROCEEDING,
  COMPLETED,
  TERMINATED;

  /** From Trying: 1xx, 200-699, Timer F or a transport error. */
  static final Set<NonInviteClientState> FROM_TRYING = EnumSet.of(PROCEEDING, COMPLETED, TERMINATED);
  /** From Proceeding: 200-699, Timer F or a transport error. */
  static final Set<NonInviteClientState> FROM_PROCEEDING = EnumSet.of(COMPLETED, TERMINATED);
  /** From Completed: Timer K. */
  static final Set<NonInviteClientState> FROM_COMPLETED = EnumSet.of(TERMINATED);

  /** True when the diagram has an arrow from this state to {@code next}. */
  boolean canMoveTo(NonInviteClientState next) {
    return switch (this) {
      case TRYING -> FROM_TRYING.contains(next);
      case PROCEEDING -> FROM_PROCEEDING.contains(next);
      case COMPLETED -> FROM_COMPLETED.contains(next);
      case TERMINATED -> false;
    };
  }
}
