package io.callflow.sip.b2bua.call;

import io.callflow.sip.b2bua.MaxForwardsDecision;
import io.callflow.sip.b2bua.MaxForwardsPolicy;
import io.callflow.sip.b2bua.MinSe;
import io.callflow.sip.b2bua.SdpParseResult;
import io.callflow.sip.b2bua.SdpSession;
import io.callflow.sip.b2bua.SessionExpires;
import io.callflow.sip.b2bua.SessionTimerDecision;
import io.callflow.sip.b2bua.SessionTimerPolicy;
import io.callflow.sip.message.SipRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a customer's INVITE before any agent is rung: Max-Forwards (RFC 3261 §16.3, RFC 7332),
 * an SDP offer (the B2BUA relays signalling only, so it needs the caller's offer to give the
 * agent), and the session timer (RFC 4028 §8). Bad input gets a clear final response and
 * nothing else happens.
 */
final class InviteScreen {

  /** RFC 3261 §21.4.26: no SDP offer the agent leg could carry. */
  static final int NOT_ACCEPTABLE_HERE = 488;
  /** RFC 3261 §21.4.13. */
  static final int UNSUPPORTED_MEDIA_TYPE = 415;
  static final String SDP = "application/sdp";

  private final MaxForwardsPolicy maxForwards;
  private final SessionTimerPolicy timers;

  InviteScreen(MaxForwardsPolicy maxForwards, SessionTimerPolicy timers) {
    this.maxForwards = maxForwards;
    this.timers = timers;
  }

  InviteVerdict check(SipRequest invite) {
    MaxForwardsDecision hops = maxForwards.onRequest(invite.header("Max-Forwards").orElse(null));
    if (hops instanceof MaxForwardsDecision.TooManyHops) {
      return new InviteVerdict.Reject(MaxForwardsDecision.TooManyHops.STATUS_CODE, "Too Many Hops", Map.of());
    }
    if (hops instanceof MaxForwardsDecision.Malformed malformed) {
      return new InviteVerdict.Reject(MaxForwardsDecision.Malformed.STATUS_CODE,
          "Bad Max-Forwards: " + malformed.reason(), Map.of());
    }
    int outgoing = ((MaxForwardsDecision.Forward) hops).outgoingValue();
    if (invite.bodyLength() == 0) {
      return new InviteVerdict.Reject(NOT_ACCEPTABLE_HERE, "SDP Offer Required", Map.of());
    }
    String type = invite.contentType().orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith(SDP)) {
      return new InviteVerdict.Reject(UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
          Map.of("Accept", SDP));
    }
    String sdp = new String(invite.body(), StandardCharsets.UTF_8);
    if (SdpSession.parse(sdp) instanceof SdpParseResult.Malformed malformed) {
      return new InviteVerdict.Reject(NOT_ACCEPTABLE_HERE, "Malformed SDP: " + malformed.reason(), Map.of());
    }
    Optional<String> seHeader = invite.header("Session-Expires").or(() -> invite.header("x"));
    Optional<SessionExpires> se = seHeader.flatMap(SessionExpires::parse);
    if (seHeader.isPresent() && se.isEmpty()) {
      return new InviteVerdict.Reject(400, "Bad Session-Expires", Map.of());
    }
    SessionTimerDecision timer = timers.onRequest(se, invite.header("Min-SE").flatMap(MinSe::parse));
    if (timer instanceof SessionTimerDecision.TooSmall small) {
      // RFC 4028 §8.1: 422 carries the smallest interval this side accepts.
      return new InviteVerdict.Reject(SessionTimerDecision.TooSmall.STATUS_CODE, "Session Interval Too Small",
          Map.of("Min-SE", small.minSe().headerValue()));
    }
    boolean supportsTimer = invite.headers("Supported").stream()
        .flatMap(value -> java.util.Arrays.stream(value.split(",")))
        .anyMatch(token -> token.trim().equalsIgnoreCase("timer"));
    return new InviteVerdict.Proceed(outgoing, sdp, (SessionTimerDecision.Accept) timer, supportsTimer);
  }
}
