package io.callflow.sip.b2bua.call;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a B2BUA call is.
 *
 * <pre>
 *   OFFERING ──answer──▶ BRIDGED ──drop──▶ DROPPED
 *      │                    │                 │
 *      └──cancel/fail──▶ ENDED ◀──hangup──────┘
 * </pre>
 *
 * DROPPED: one leg was lost (RFC 3326 failure cause, 408/481, transport), the other is kept
 * up for core's reconnect commands; DROPPED → BRIDGED when a reconnect re-bridged the legs.
 *
 * <p>RECOVERING: a call taken back after a restart while its legs answer their probes; both
 * alive → BRIDGED, one → DROPPED (the reconnect procedure runs for the other), none → ENDED.
 */
enum CallPhase {
  OFFERING,
  BRIDGED,
  DROPPED,
  ENDED,
  RECOVERING;

  private static final Set<CallPhase> FROM_OFFERING = EnumSet.of(BRIDGED, ENDED);
  private static final Set<CallPhase> FROM_BRIDGED = EnumSet.of(DROPPED, ENDED);
  private static final Set<CallPhase> FROM_DROPPED = EnumSet.of(BRIDGED, ENDED);
  private static final Set<CallPhase> FROM_ENDED = EnumSet.noneOf(CallPhase.class);
  private static final Set<CallPhase> FROM_RECOVERING = EnumSet.of(BRIDGED, DROPPED, ENDED);

  boolean canMoveTo(CallPhase next) {
    return switch (this) {
      case OFFERING -> FROM_OFFERING.contains(next);
      case BRIDGED -> FROM_BRIDGED.contains(next);
      case DROPPED -> FROM_DROPPED.contains(next);
      case ENDED -> FROM_ENDED.contains(next);
      case RECOVERING -> FROM_RECOVERING.contains(next);
    };
  }
}
