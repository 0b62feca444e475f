package io.callflow.headset.fault;

import java.util.EnumSet;
import java.util.Set;

/**
 * A fault's life (procedure 4.3 c–d): the monitor opens it and marks it cleared when the
 * condition goes away (and reopens it if the condition returns); people acknowledge and
 * close it through the API.
 *
 * <pre>
 *   OPEN ──ack──▶ ACKNOWLEDGED
 *    │  ╲            │    ╲
 *    │   cleared     │   cleared
 *    │      ╲        │      ╲
 *    │       ▼       │       ▼
 *    │     CLEARED ──(recurs)──▶ OPEN
 *    └──close──┴──close──┴──close──▶ CLOSED
 * </pre>
 */
public enum FaultStatus {
  OPEN,
  ACKNOWLEDGED,
  CLEARED,
  CLOSED;

  public static final Set<FaultStatus> FROM_OPEN = EnumSet.of(ACKNOWLEDGED, CLEARED, CLOSED);
  public static final Set<FaultStatus> FROM_ACKNOWLEDGED = EnumSet.of(CLEARED, CLOSED);
  public static final Set<FaultStatus> FROM_CLEARED = EnumSet.of(OPEN, ACKNOWLEDGED, CLOSED);
  public static final Set<FaultStatus> FROM_CLOSED = EnumSet.noneOf(FaultStatus.class);

  public boolean canMoveTo(FaultStatus next) {
    return switch (this) {
      case OPEN -> FROM_OPEN.contains(next);
      case ACKNOWLEDGED -> FROM_ACKNOWLEDGED.contains(next);
      case CLEARED -> FROM_CLEARED.contains(next);
      case CLOSED -> FROM_CLOSED.contains(next);
    };
  }
}
