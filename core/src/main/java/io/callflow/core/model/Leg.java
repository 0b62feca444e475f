package io.callflow.core.model;

/** The two sides of a back-to-back call. */
public enum Leg {
  /** The A-leg: the customer, reached through the PBX or trunk. */
  CUSTOMER,
  /** The B-leg: the agent's phone. */
  AGENT;

  public Leg other() {
    return this == CUSTOMER ? AGENT : CUSTOMER;
  }
}
