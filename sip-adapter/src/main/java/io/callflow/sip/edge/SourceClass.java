package io.callflow.sip.edge;

/** Which allow-list admitted a source; the B2BUA uses it to tell an A-leg from an agent. */
public enum SourceClass {
  /** A trunk or PBX: the switch the customer calls arrive from. */
  TRUNK,
  /** An agent's phone. */
  PHONE,
  /** Not on any list; only in-dialog requests get through. */
  UNKNOWN
}
