package io.callflow.sip.transaction;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.Via;
import java.util.Optional;

/**
 * What a request is matched on to find its server transaction (§17.2.3). With an RFC 3261
 * branch (magic cookie {@code z9hG4bK}) that is the branch, the top Via sent-by and the
 * method (ACK counts as INVITE); otherwise the RFC 2543 rule applies: Request-URI, From tag,
 * Call-ID, CSeq number, the whole top Via and the method, plus a To tag check the
 * transaction makes itself ({@link ServerTransaction#matchesToTag}).
 */
public sealed interface ServerKey permits ServerKey.Rfc3261, ServerKey.Rfc2543 {

  /**
   * §17.2.3 with a magic-cookie branch. The sent-by is kept as the Via's host and port (-1 when
   * the Via has none), not as one "host:port" string: the key lives as long as its transaction,
   * 64*T1 after a call, and the joined string would be two more objects per transaction.
   */
  record Rfc3261(String branch, String sentByHost, int sentByPort, String method) implements ServerKey {}

  /** §17.2.3 fallback for RFC 2543 peers. */
  record Rfc2543(String requestUri, String fromTag, String callId, long cseq, Via topVia,
      String method) implements ServerKey {}

  /** The key of {@code request}; an ACK is keyed as the INVITE it acknowledges. Empty when the request has no Via or CSeq. */
  static Optional<ServerKey> of(SipRequest request) {
    String method = request.method().equals("ACK") ? "INVITE" : request.method();
    return of(request, method);
  }

  /** The key of the INVITE a CANCEL cancels (§9.2: same matching, method INVITE). */
  static Optional<ServerKey> cancelled(SipRequest cancel) {
    return of(cancel, "INVITE");
  }

  private static Optional<ServerKey> of(SipRequest request, String method) {
    Optional<Via> top = request.topVia();
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Via via = top.get();
    if (via.hasRfc3261Branch()) {
      return Optional.of(new Rfc3261(via.branch().orElseThrow(), via.host(), via.port().orElse(-1), method));
    }
    if (request.cseq().isEmpty() || request.callId().isEmpty()) {
      return Optional.empty();
    }
    String fromTag = request.from().flatMap(from -> from.tag()).orElse("");
    return Optional.of(new Rfc2543(request.requestUri(), fromTag, request.callId().get(),
        request.cseq().get().number(), via, method));
  }
}
