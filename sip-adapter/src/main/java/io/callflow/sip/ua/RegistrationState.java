package io.callflow.sip.ua;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one registration.
 *
 * <pre>
 *  IDLE ─start─▶ REGISTERING ─2xx─▶ REGISTERED ─refresh timer─▶ REFRESHING ─2xx─▶ REGISTERED
 *                    │  ▲                 │                          │
 *           failure  ▼  │ back-off timer   │ stop                     │ failure
 *                BACKING_OFF ◀────────────┼──────────────────────────┘
 *                                          ▼
 *                  (any) ─stop─▶ UNREGISTERING ─any outcome─▶ STOPPED
 * </pre>
 */
public enum RegistrationState {
  IDLE,
  REGISTERING,
  REGISTERED,
  REFRESHING,
  BACKING_OFF,
  UNREGISTERING,
  STOPPED;

  private static final Set<RegistrationState> FROM_IDLE = EnumSet.of(REGISTERING, STOPPED);
  private static final Set<RegistrationState> FROM_SENDING =
      EnumSet.of(REGISTERED, BACKING_OFF, UNREGISTERING, STOPPED);
  private static final Set<RegistrationState> FROM_REGISTERED =
      EnumSet.of(REFRESHING, UNREGISTERING, STOPPED);
  private static final Set<RegistrationState> FROM_BACKING_OFF =
      EnumSet.of(REGISTERING, STOPPED);
  private static final Set<RegistrationState> FROM_UNREGISTERING = EnumSet.of(STOPPED);
  private static final Set<RegistrationState> FROM_STOPPED = EnumSet.noneOf(RegistrationState.class);

  /** The states this one may move to. */
  public Set<RegistrationState> next() {
    return switch (this) {
      case IDLE -> FROM_IDLE;
      case REGISTERING, REFRESHING -> FROM_SENDING;
      case REGISTERED -> FROM_REGISTERED;
      case BACKING_OFF -> FROM_BACKING_OFF;
      case UNREGISTERING -> FROM_UNREGISTERING;
      case STOPPED -> FROM_STOPPED;
    };
  }

  /** True while the registrar holds a binding we believe in. */
  public boolean registered() {
    return this == REGISTERED || this == REFRESHING;
  }
}
