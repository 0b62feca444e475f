package io.callflow.sip.b2bua.rebridge;

import io.callflow.sip.b2bua.SdpOrigin;
import io.callflow.sip.b2bua.SdpParseResult;
import io.callflow.sip.b2bua.SdpSession;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid answer that accepts nothing: the offer with every {@code m=} line's port set to 0
 * (RFC 3264 §6: "an offered stream MAY be rejected ... by setting the port to zero"), the
 * same number of media lines in the same order with their formats, and an origin of its own.
 * It lets the B2BUA ACK a 2xx that carried an offer (RFC 3261 §13.2.2.4 needs an answer in
 * the ACK) when the party it was meant for refused, before ending that dialog with BYE.
 */
final class RejectingAnswer {

  /** {@code m=<media> <port>[/<count>] ...}: group 1 is the port with its count. */
  private static final Pattern MEDIA_PORT = Pattern.compile("^(m=\\S+ )(\\d+(?:/\\d+)?)( .*)$", Pattern.DOTALL);

  private RejectingAnswer() {
  }

  /**
   * The rejecting answer to {@code offer}, with origin {@code o=- <sessionId> 0} on the
   * offer's network and address type and address.
   */
  static SdpSession to(SdpSession offer, long sessionId) {
    StringBuilder out = new StringBuilder();
    for (String line : offer.text().split("(?<=\n)")) {
      Matcher media = MEDIA_PORT.matcher(line);
      out.append(media.matches() ? media.group(1) + "0" + media.group(3) : line);
    }
    SdpParseResult parsed = SdpSession.parse(out.toString());
    if (!(parsed instanceof SdpParseResult.Parsed answer)) {
      throw new IllegalStateException("rejecting answer no longer parses: " + parsed);
    }
    SdpOrigin theirs = offer.origin();
    return answer.session().withOrigin(new SdpOrigin("-", Long.toString(Math.abs(sessionId)), BigInteger.ZERO,
        theirs.netType(), theirs.addrType(), theirs.address()));
  }
}
