package io.callflow.ops.store;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a recorded equipment fault stands (PROCEDURE.md 4.3 c, d): raised, seen by a
 * supervisor, resolved. A {@code FaultStatusChanged} record carries one of these names.
 *
 * <pre>
 *   OPEN ──▶ ACKNOWLEDGED ──▶ CLOSED
 *     └────────────────────────▲
 * </pre>
 */
public enum FaultStatus {
  OPEN,
  ACKNOWLEDGED,
  CLOSED;

  private static final EnumSet<FaultStatus> FROM_OPEN = EnumSet.of(ACKNOWLEDGED, CLOSED);
  private static final EnumSet<FaultStatus> FROM_ACKNOWLEDGED = EnumSet.of(CLOSED);
  private static final EnumSet<FaultStatus> FROM_CLOSED = EnumSet.noneOf(FaultStatus.class);

  /** The statuses a fault in this status may move to; the HTTP API checks this before it appends. */
  public Set<FaultStatus> next() {
    return EnumSet.copyOf(switch (this) {
      case OPEN -> FROM_OPEN;
      case ACKNOWLEDGED -> FROM_ACKNOWLEDGED;
      case CLOSED -> FROM_CLOSED;
    });
  }

  /**
   * The status named by {@code text}, ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static FaultStatus parse(String text) {
    if (text != null) {
      for (FaultStatus status : values()) {
        if (status.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
          return status;
        }
      }
    }
    throw new IllegalArgumentException(
        "fault status must be one of " + Arrays.toString(values()) + ", was " + text);
  }
}
