package io.callflow.sip.b2bua;

import java.util.EnumSet;
import java.util.Set;

/**
 * An agent's availability in the {@link AgentPool}.
 *
 * <pre>
 *   AVAILABLE ──reserve──▶ RINGING ──answered──▶ IN_CALL
 *       ▲  ▲                 │  │                  │
 *       │  └──released───────┘  └──rejected──▶ PAUSED (486/600 busy, 408 no answer, else unavailable)
 *       └──────────────released──────────────────┘ │
 *   PAUSED ──reserve (pause over)──▶ RINGING;  PAUSED ──makeAvailable──▶ AVAILABLE
 * </pre>
 */
public enum AgentState {
  AVAILABLE,
  /** Reserved for one call, its phone being rung. */
  RINGING,
  IN_CALL,
  /** Skipped after a failed attempt, until the pause for the failure is over. */
  PAUSED;

  static final Set<AgentState> FROM_AVAILABLE = EnumSet.of(RINGING);
  static final Set<AgentState> FROM_RINGING = EnumSet.of(IN_CALL, AVAILABLE, PAUSED);
  static final Set<AgentState> FROM_IN_CALL = EnumSet.of(AVAILABLE);
  static final Set<AgentState> FROM_PAUSED = EnumSet.of(RINGING, AVAILABLE);

  /** The states this one may move to. */
  Set<AgentState> next() {
    return switch (this) {
      case AVAILABLE -> FROM_AVAILABLE;
      case RINGING -> FROM_RINGING;
      case IN_CALL -> FROM_IN_CALL;
      case PAUSED -> FROM_PAUSED;
    };
  }
}
