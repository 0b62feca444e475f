package io.callflow.core.flow;

import java.time.Instant;

/** An agent's move away from the regulated order, with the reason they gave. */
public record Deviation(CallState from, CallState to, Kind kind, String reason, Instant at) {

  /** Which way the agent moved. */
  public enum Kind {
    /** Ahead, past one or more steps. */
    SKIP,
    /** Back to an earlier step, which is then repeated. */
    BACK,
    /** Straight to ENDED before the closing step was completed. */
    END_EARLY
  }
}
