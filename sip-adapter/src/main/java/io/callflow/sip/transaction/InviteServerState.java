package io.callflow.sip.transaction;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of the INVITE server transaction, RFC 3261 §17.2.1 as updated by RFC 6026 §8.7
 * (a 2xx from the TU moves to Accepted, where INVITE retransmissions are absorbed and ACKs
 * go to the TU, until Timer L).
 *
 * <pre>
 *                               |INVITE
 *                               |pass INV to TU
 *            INVITE             V send 100 if TU won't in 200 ms
 *            send response+------------+
 *                +--------|            |--------+ 101-199 from TU
 *                |        |            |        | send response
 *                +-------&gt;|            |&lt;-------+
 *                         | Proceeding |
 *                         |            |--------+ Transport Err.
 *                         |            |        | Inform TU
 *                         |            |&lt;-------+
 *                         +------------+
 *            300-699 from TU |    2xx from TU |
 *            send response   |    send response
 *                            |                +------------------+
 *                            |                                   |
 *            INVITE          V          Timer G fires            |
 *            send response+-----------+ send response            |
 *                +--------|           |--------+                 |
 *                |        | Completed |        |                 |
 *                +-------&gt;|           |&lt;-------+      INVITE     |
 *                         +-----------+              - (absorb)  |
 *                            |     |                 +--------+  |
 *                        ACK |     | Timer H fires   |        v  v
 *                        -   |     | or Transport Err.+-----------+
 *                            |     | Inform TU       |           |
 *                            V     |                 | Accepted  | 2xx from TU:
 *                         +-----------+              |           | send response
 *                         |           |              +-----------+
 *                         | Confirmed |               ACK: to TU |
 *                         |           |                  Timer L |
 *                         +-----------+                          |
 *                               | Timer I fires                  |
 *                               V                                |
 *                         +-----------+                          |
 *                         | Terminated|&lt;-------------------------+
 *                         +-----------+
 * </pre>
 */
public enum InviteServerState {
  PROCEEDING,
  ACCEPTED,
  COMPLETED,
  CONFIRMED,
  TERMINATED;

  /** From Proceeding: 2xx, 300-699 from the TU, or a transport error. */
  static final Set<InviteServerState> FROM_PROCEEDING = EnumSet.of(ACCEPTED, COMPLETED, TERMINATED);
  /** From Accepted (RFC 6026): Timer L. */
  static final Set<InviteServerState> FROM_ACCEPTED = EnumSet.of(TERMINATED);
  /** From Completed: ACK, Timer H or a transport error. */
  static final Set<InviteServerState> FROM_COMPLETED = EnumSet.of(CONFIRMED, TERMINATED);
  /** From Confirmed: Timer I. */
  static final Set<InviteServerState> FROM_CONFIRMED = EnumSet.of(TERMINATED);

  /** True when the diagram has an arrow from this state to {@code next}. */
  boolean canMoveTo(InviteServerState next) {
    return switch (this) {
      case PROCEEDING -> FROM_PROCEEDING.contains(next);
      case ACCEPTED -> FROM_ACCEPTED.contains(next);
      case COMPLETED -> FROM_COMPLETED.contains(next);
      case CONFIRMED -> FROM_CONFIRMED.contains(next);
      case TERMINATED -> false;
    };
  }
}
