package io.callflow.sip.b2bua.transfer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One NOTIFY of the implicit subscription a REFER creates (RFC 3515 §2.4.4): the progress of
 * the call to the target as a {@code message/sipfrag} status line (§2.4.5). The first, right
 * after 202, is {@code SIP/2.0 100 Trying} with the subscription active; the last carries the
 * final status and ends the subscription ({@code terminated;reason=noresource}, §2.4.7).
 * {@code Event: refer;id=<REFER CSeq>}: §2.4.6 requires the id from the second REFER in a
 * dialog on and allows it for the first, so it is always there.
 *
 * <pre>
 * NOTIFY ... SIP/2.0
 * Event: refer;id=3
 * Subscription-State: active;expires=60
 * Content-Type: message/sipfrag;version=2.0
 *
 * SIP/2.0 100 Trying
 * </pre>
 *
 * @param referCseq the CSeq number of the REFER
 * @param status the status of the call to the target: 100, then its final status
 * @param last whether this NOTIFY ends the subscription
 */
public record ReferNotify(long referCseq, int status, boolean last) {

  /** RFC 3515 §3: the event package. */
  public static final String EVENT = "refer";
  /** RFC 3420, RFC 3515 §2.4.5. */
  public static final String CONTENT_TYPE = "message/sipfrag;version=2.0";
  /** How long the implicit subscription is offered for; the transfer ends it well before. */
  public static final int EXPIRES_SECONDS = 60;

  /** The first NOTIFY, sent right after 202 Accepted. */
  public static ReferNotify trying(long referCseq) {
    return new ReferNotify(referCseq, 100, false);
  }

  /** The final NOTIFY with the status the target's call ended with (200 when transferred). */
  public static ReferNotify finalStatus(long referCseq, int status) {
    return new ReferNotify(referCseq, status, true);
  }

  /** Event and Subscription-State, in that order. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Event", EVENT + ";id=" + referCseq);
    headers.put("Subscription-State", last ? "terminated;reason=noresource" : "active;expires=" + EXPIRES_SECONDS);
    return headers;
  }

  /** The sipfrag: one Status-Line, e.g. {@code SIP/2.0 486 Busy Here} and CRLF. */
  public String body() {
    String reason = StatusPhrases.of(status);
    return "SIP/2.0 " + status + (reason.isEmpty() ? " " : " " + reason) + "\r\n";
  }

  public byte[] bodyBytes() {
    return body().getBytes(StandardCharsets.US_ASCII);
  }
}
