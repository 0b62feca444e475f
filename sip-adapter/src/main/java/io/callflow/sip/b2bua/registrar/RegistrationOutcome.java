package io.callflow.sip.b2bua.registrar;

import java.util.Locale;

/** How the registrar answered one REGISTER; the {@code outcome} label of its counter. */
enum RegistrationOutcome {
  /** 200: one or more contacts bound or refreshed (and any with expires 0 removed). */
  BOUND,
  /** 200: every listed contact (or {@code *}) removed. */
  REMOVED,
  /** 200 to a REGISTER without Contact: the bindings listed (RFC 3261 §10.2.3). */
  QUERIED,
  /** 401: no credentials for our realm, or a nonce we did not issue, or a replayed nonce count. */
  CHALLENGED,
  /** 401 with {@code stale=true}: right credentials on an expired nonce. */
  STALE,
  /** 403: unknown user, wrong password, or To/From not the authenticated user. */
  FORBIDDEN,
  /** 423 Interval Too Brief (RFC 3261 §10.3 step 7). */
  TOO_BRIEF,
  /** 400: malformed credentials, Contact or Expires. */
  MALFORMED,
  /** 500: a CSeq not above the one that last changed the binding (RFC 3261 §10.3 step 7). */
  OUT_OF_ORDER;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
