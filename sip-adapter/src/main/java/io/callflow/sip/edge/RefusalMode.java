package io.callflow.sip.edge;

/**
 * What a refused request gets. A 403 (RFC 3261 §21.4.4) tells a misconfigured peer what is
 * wrong; silence gives a scanner nothing to learn from and costs no outgoing packet.
 */
public enum RefusalMode {
  REFUSE_403,
  DROP_SILENTLY
}
