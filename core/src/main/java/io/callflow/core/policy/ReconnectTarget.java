package io.callflow.core.policy;

import io.callflow.core.model.Leg;

/** Which party the service dials to reconnect a dropped call. */
public enum ReconnectTarget {
  /** Dial whichever leg dropped: the customer back, or the agent's phone again. */
  DROPPED_LEG,
  /** Always call the customer back (for centres whose agents cannot be redialled). */
  CUSTOMER,
  /** Always redial the agent (for centres that must not call customers back). */
  AGENT;

  /** The leg to dial when {@code dropped} was lost. */
  public Leg legToCall(Leg dropped) {
    return switch (this) {
      case DROPPED_LEG -> dropped;
      case CUSTOMER -> Leg.CUSTOMER;
      case AGENT -> Leg.AGENT;
    };
  }
}
