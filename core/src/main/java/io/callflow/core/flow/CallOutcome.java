package io.callflow.core.flow;

/** How a call ended; a bounded set so it can label {@code callflow_calls_ended_total}. */
public enum CallOutcome {
  /** Every step through CLOSING, then the agent ended the call. */
  COMPLETED,
  /** The agent ended the call before CLOSING was completed, giving a reason. */
  ENDED_EARLY,
  CUSTOMER_HUNG_UP,
  AGENT_HUNG_UP,
  /** The customer hung up before the agent answered. */
  ABANDONED,
  /** The agent's phone did not answer or rejected the call. */
  NOT_ANSWERED,
  /** Handed over to a department. */
  TRANSFERRED,
  /** Dropped and every reconnect attempt failed. */
  RECONNECT_FAILED,
  /** Both legs were gone when the service came back after a restart. */
  LOST_ON_RESTART
}
