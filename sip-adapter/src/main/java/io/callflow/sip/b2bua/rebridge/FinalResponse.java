package io.callflow.sip.b2bua.rebridge;

import io.callflow.sip.message.SipResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The final answer to an INVITE or re-INVITE as third-party call control needs it: status,
 * reason phrase and the SDP it carried (null when none).
 */
record FinalResponse(int status, String reason, String sdp) {

  /** RFC 3261 §8.1.3.1: a transaction timeout counts as 408. */
  static final FinalResponse TIMEOUT = new FinalResponse(408, "no response (Timer B)", null);
  /** RFC 3261 §8.1.3.1: a transport error counts as 503. */
  static final FinalResponse TRANSPORT_ERROR = new FinalResponse(503, "transport error", null);

  static FinalResponse of(SipResponse response) {
    return new FinalResponse(response.statusCode(), response.reasonPhrase(), sdpOf(response));
  }

  /** The body of {@code response} when it is {@code application/sdp} (RFC 3264), else null. */
  static String sdpOf(SipResponse response) {
    boolean sdp = response.contentType()
        .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/sdp")).orElse(false);
    return sdp && response.bodyLength() > 0 ? new String(response.body(), StandardCharsets.UTF_8) : null;
  }

  boolean success() {
    return status >= 200 && status < 300;
  }

  /** e.g. {@code "488 Not Acceptable Here"}. */
  String text() {
    return status + " " + reason;
  }
}
