package io.callflow.sip.b2bua.call;

/** Where the agent leg goes (config {@code b2bua.routing}). */
public enum RoutingMode {
  /** To the configured next hop with the customer's Request-URI: the PBX already chose the agent. */
  TRANSPARENT,
  /** To the longest-idle registered agent of the queue the Request-URI's user part names. */
  REGISTRAR
}
