package io.callflow.headset.health;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A headset's health as supervisors see it.
 *
 * <pre>
 *            worst active condition             no telemetry for disconnectedAfter,
 *   OK ◀──────────────────────────▶ DEGRADED    or the desktop reports it unplugged
 *    ▲ ╲                            ▲    ╲             │
 *    │  ╲──────────▶ FAULT ◀────────┘     ╲            ▼
 *    └────────────────────────────────────── DISCONNECTED ──(telemetry again)──▶ OK/DEGRADED/FAULT
 * </pre>
 *
 * Every state may move to every other: the allowed sets are spelled out so that a new state
 * must be placed deliberately.
 */
public enum HealthState {
  OK,
  DEGRADED,
  FAULT,
  DISCONNECTED;

  public static final Set<HealthState> FROM_OK = EnumSet.of(DEGRADED, FAULT, DISCONNECTED);
  public static final Set<HealthState> FROM_DEGRADED = EnumSet.of(OK, FAULT, DISCONNECTED);
  public static final Set<HealthState> FROM_FAULT = EnumSet.of(OK, DEGRADED, DISCONNECTED);
  public static final Set<HealthState> FROM_DISCONNECTED = EnumSet.of(OK, DEGRADED, FAULT);

  public boolean canMoveTo(HealthState next) {
    return switch (this) {
      case OK -> FROM_OK.contains(next);
      case DEGRADED -> FROM_DEGRADED.contains(next);
      case FAULT -> FROM_FAULT.contains(next);
      case DISCONNECTED -> FROM_DISCONNECTED.contains(next);
    };
  }

  /** The metric label value. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state a connected device is in with this worst severity (null: none active). */
  public static HealthState of(Severity worst) {
    if (worst == null) {
      return OK;
    }
    return worst == Severity.FAULT ? FAULT : DEGRADED;
  }
}
