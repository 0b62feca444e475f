package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.ANSWERED;
import static io.callflow.core.flow.CallState.CLOSING;
import static io.callflow.core.flow.CallState.COLLECTING_INFO;
import static io.callflow.core.flow.CallState.COMPLAINT;
import static io.callflow.core.flow.CallState.CONFIRMING;
import static io.callflow.core.flow.CallState.CONSULTING;
import static io.callflow.core.flow.CallState.DROPPED;
import static io.callflow.core.flow.CallState.EMERGENCY;
import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.GREETING;
import static io.callflow.core.flow.CallState.LINE_FAILURE;
import static io.callflow.core.flow.CallState.RECONNECTING;
import static io.callflow.core.flow.CallState.RECOVERING;
import static io.callflow.core.flow.CallState.RESOLVING;
import static io.callflow.core.flow.CallState.RINGING;
import static io.callflow.core.flow.CallState.SENSITIVE;
import static io.callflow.core.flow.CallState.SYSTEM_FAILURE;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The moves a call may make. Any connected step may go to any other (an agent's skip or
 * step back, recorded as a deviation), so the procedure is guided, not forced; what is
 * refused is a move that makes no sense, such as answering an ended call.
 *
 * <pre>
 *  RINGING ──answered──▶ ANSWERED ─▶ GREETING ─▶ COLLECTING_INFO ─▶ RESOLVING ─▶ CONFIRMING ─▶ CLOSING ─▶ ENDED
 *     │                  └──────────────── connected steps (any ◀─▶ any, with a reason) ────────────┘        ▲
 *     └─hangup──────────────────────────────────────────────────────────────────────────────────────────────┤
 *  connected step ─▶ SENSITIVE | CONSULTING | COMPLAINT ─▶ (EMERGENCY) ─▶ back to the step                    │
 *  connected step or special ─▶ EMERGENCY | LINE_FAILURE | SYSTEM_FAILURE ─▶ back to the step                │
 *  connected, special, LINE_FAILURE, SYSTEM_FAILURE ─drop─▶ DROPPED ─▶ RECONNECTING ─▶ back to the step ──────┤
 *  (restart) RECOVERING ─▶ saved step | DROPPED ─────────────────────────────────────────────────────────────┘
 * </pre>
 */
public final class CallTransitions {

  /** The regulated steps in their normal order (PROCEDURE.md 3.1). */
  public static final List<CallState> REGULATED_ORDER = List.of(RINGING, ANSWERED, GREETING,
      COLLECTING_INFO, RESOLVING, CONFIRMING, CLOSING, ENDED);

  /** The regulated steps during which both parties are connected and the agent works. */
  public static final Set<CallState> CONNECTED_STEPS = frozen(EnumSet.of(ANSWERED, GREETING,
      COLLECTING_INFO, RESOLVING, CONFIRMING, CLOSING));

  /** PROCEDURE.md 3.2 (and the complaint and emergency of 3.3 d, e). */
  public static final Set<CallState> SPECIAL_PROCEDURES = frozen(EnumSet.of(SENSITIVE,
      CONSULTING, COMPLAINT, EMERGENCY));

  /** PROCEDURE.md 3.3 a to c, and the recovery after a restart. */
  public static final Set<CallState> ABNORMAL_PROCEDURES = frozen(EnumSet.of(LINE_FAILURE,
      SYSTEM_FAILURE, DROPPED, RECONNECTING, RECOVERING));

  static final Set<CallState> FROM_RINGING = frozen(EnumSet.of(ANSWERED, ENDED));

  static final Set<CallState> FROM_CONNECTED_STEP = union(CONNECTED_STEPS, SPECIAL_PROCEDURES,
      EnumSet.of(LINE_FAILURE, SYSTEM_FAILURE, DROPPED, ENDED));

  /** A special procedure gives way only to an emergency or a failure. */
  static final Set<CallState> FROM_SPECIAL = union(CONNECTED_STEPS,
      EnumSet.of(EMERGENCY, LINE_FAILURE, SYSTEM_FAILURE, DROPPED, ENDED));

  static final Set<CallState> FROM_LINE_OR_SYSTEM_FAILURE = union(CONNECTED_STEPS,
      EnumSet.of(DROPPED, ENDED));

  static final Set<CallState> FROM_DROPPED = frozen(EnumSet.of(RECONNECTING, ENDED));

  static final Set<CallState> FROM_RECONNECTING = union(CONNECTED_STEPS, EnumSet.of(ENDED));

  static final Set<CallState> FROM_RECOVERING = union(CONNECTED_STEPS,
      EnumSet.of(RINGING, DROPPED, ENDED));

  static final Set<CallState> FROM_ENDED = frozen(EnumSet.noneOf(CallState.class));

  private CallTransitions() {}

  /** The states {@code from} may move to. */
  public static Set<CallState> allowedFrom(CallState from) {
    return switch (from) {
      case RINGING -> FROM_RINGING;
      case ANSWERED, GREETING, COLLECTING_INFO, RESOLVING, CONFIRMING, CLOSING ->
          FROM_CONNECTED_STEP;
      case SENSITIVE, CONSULTING, COMPLAINT, EMERGENCY -> FROM_SPECIAL;
      case LINE_FAILURE, SYSTEM_FAILURE -> FROM_LINE_OR_SYSTEM_FAILURE;
      case DROPPED -> FROM_DROPPED;
      case RECONNECTING -> FROM_RECONNECTING;
      case RECOVERING -> FROM_RECOVERING;
      case ENDED -> FROM_ENDED;
    };
  }

  /** True if a call in {@code from} may move to {@code to}; staying put is not a move. */
  public static boolean allowed(CallState from, CallState to) {
    return from != to && allowedFrom(from).contains(to);
  }

  /** The regulated step after {@code step}. */
  public static CallState nextStep(CallState step) {
    int index = REGULATED_ORDER.indexOf(step);
    if (index < 0 || step == ENDED) {
      throw new IllegalArgumentException(step + " has no next regulated step");
    }
    return REGULATED_ORDER.get(index + 1);
  }

  /** Position of a regulated step in the normal order, -1 for a procedure. */
  public static int position(CallState state) {
    return REGULATED_ORDER.indexOf(state);
  }

  @SafeVarargs
  private static Set<CallState> union(Set<CallState>... parts) {
    EnumSet<CallState> all = EnumSet.noneOf(CallState.class);
    for (Set<CallState> part : parts) {
      all.addAll(part);
    }
    return frozen(all);
  }

  private static Set<CallState> frozen(EnumSet<CallState> states) {
    return Collections.unmodifiableSet(states);
  }
}
