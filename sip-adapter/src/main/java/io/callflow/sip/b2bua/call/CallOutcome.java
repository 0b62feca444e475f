package io.callflow.sip.b2bua.call;

import java.util.Locale;

/** How a call through the B2BUA ended: the {@code outcome} label of {@code callflow_b2bua_calls_total}. */
enum CallOutcome {
  /** Answered, then hung up normally by either party. */
  COMPLETED,
  /** Answered, then a leg was lost (and not reconnected). */
  DROPPED,
  /** The customer cancelled before any agent answered. */
  CANCELLED,
  /** No agent answered: busy, no answer, unavailable, no agent free. */
  NOT_ANSWERED,
  /** Refused before any agent was rung: 483, 400, 422, 488, no route. */
  REJECTED,
  /** Ended by core's HangUp command. */
  HUNG_UP;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
