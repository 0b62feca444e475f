package io.callflow.sip.edge;

/** Why the edge refused a request; a bounded label for {@code callflow_sip_refused_requests_total}. */
public enum RefusalReason {
  /** The source address is on neither allow-list. */
  SOURCE_NOT_ALLOWED,
  /** The source is a phone and the method is not one phones may send out of dialog. */
  METHOD_NOT_ALLOWED,
  /** The source sent more requests than its token bucket allows. */
  RATE_LIMITED;

  /** The lower-case label value used in metrics and logs. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
