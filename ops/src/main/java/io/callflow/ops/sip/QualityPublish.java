package io.callflow.ops.sip;

import io.callflow.headset.quality.PublishRequest;
import io.callflow.headset.quality.PublishResult;
import io.callflow.headset.quality.QualityReportInbox;
import io.callflow.sip.message.NameAddress;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.IncomingRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns a PUBLISH of an RTCP-XR call-quality report (RFC 6035 §4: {@code Event: vq-rtcpxr},
 * {@code Content-Type: application/vq-rtcpxr}) into a call to the headset monitor's
 * {@link QualityReportInbox}, and its answer into the response RFC 3903 §6 asks for:
 *
 * <ul>
 *   <li>another or no event package: 489 Bad Event with Allow-Events (§6 step 2, RFC 6665 §8.3.2);
 *   <li>a body of another type: 415 with Accept (RFC 3261 §21.4.13);
 *   <li>an Expires that is not a number: 400;
 *   <li>accepted: 200 with SIP-ETag and Expires (§6 step 8); refused by the inbox: its status
 *       (400 for a body that is not a report, 412 for an unknown SIP-If-Match) and reason.
 * </ul>
 *
 * The agent is the From URI's user part when it names an agent the service knows, else null:
 * the report still counts in the call-quality metrics but degrades no headset.
 */
final class QualityPublish {

  /** RFC 6035 §4: the event package of call-quality reports. */
  static final String EVENT_PACKAGE = "vq-rtcpxr";
  /** RFC 6035 §4: their media type. */
  static final String CONTENT_TYPE = "application/vq-rtcpxr";
  /** RFC 3261 §21.4.13. */
  private static final int UNSUPPORTED_MEDIA_TYPE = 415;
  /** RFC 6665 §8.3.2 (was RFC 3265 §7.3.2); RFC 3903 §6 step 2. */
  private static final int BAD_EVENT = 489;
  private static final int BAD_REQUEST = 400;
  private static final int OK = 200;
  /** Longest reason phrase taken from the inbox's explanation. */
  private static final int MAX_REASON = 160;

  private final QualityReportInbox inbox;
  private final Predicate<String> knownAgent;

  QualityPublish(QualityReportInbox inbox, Predicate<String> knownAgent) {
    this.inbox = inbox;
    this.knownAgent = knownAgent;
  }

  void handle(IncomingRequest incoming) {
    incoming.respond(answer(incoming));
  }

  private SipResponse answer(IncomingRequest incoming) {
    SipRequest publish = incoming.request();
    String event = publish.header("Event").map(QualityPublish::beforeParameters).orElse("");
    if (!event.equalsIgnoreCase(EVENT_PACKAGE)) {
      return incoming.createResponse(BAD_EVENT, null).withHeader("Allow-Events", EVENT_PACKAGE);
    }
    byte[] body = publish.body();
    String type = publish.contentType().map(QualityPublish::beforeParameters).orElse("");
    if (body.length > 0 && !type.equalsIgnoreCase(CONTENT_TYPE)) {
      return incoming.createResponse(UNSUPPORTED_MEDIA_TYPE, null).withHeader("Accept", CONTENT_TYPE);
    }
    Optional<String> expiresText = publish.header("Expires").map(String::strip);
    Integer expires = null;
    if (expiresText.isPresent()) {
      // RFC 3261 §20.19: delta-seconds; anything longer than int is far beyond any maximum.
      if (!expiresText.get().matches("\\d{1,9}")) {
        return incoming.createResponse(BAD_REQUEST, "Bad Expires");
      }
      expires = Integer.valueOf(expiresText.get());
    }
    PublishResult result = inbox.accept(new PublishRequest(new String(body, StandardCharsets.UTF_8),
        publish.header("SIP-If-Match").map(String::strip).orElse(null), expires, agent(publish)));
    if (result instanceof PublishResult.Accepted accepted) {
      return incoming.createResponse(OK, null)
          .withHeader("SIP-ETag", accepted.etag())
          .withHeader("Expires", String.valueOf(accepted.expiresSeconds()));
    }
    PublishResult.Rejected rejected = (PublishResult.Rejected) result;
    String phrase = reasonPhrase(rejected.reason());
    return incoming.createResponse(rejected.sipStatus(), phrase.isEmpty() ? null : phrase);
  }

  private String agent(SipRequest publish) {
    return publish.from().map(NameAddress::uri).flatMap(QualityPublish::userPart)
        .filter(knownAgent).orElse(null);
  }

  /** The user part of a sip:/sips: URI, without user parameters; empty when there is none. */
  static Optional<String> userPart(String uri) {
    String lower = uri.toLowerCase(Locale.ROOT);
    int start = lower.startsWith("sips:") ? 5 : lower.startsWith("sip:") ? 4 : -1;
    int at = uri.indexOf('@');
    if (start < 0 || at <= start) {
      return Optional.empty();
    }
    String user = uri.substring(start, at);
    int semicolon = user.indexOf(';');
    user = semicolon < 0 ? user : user.substring(0, semicolon);
    return user.isEmpty() ? Optional.empty() : Optional.of(user);
  }

  private static String beforeParameters(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
  }

  /** RFC 3261 §25.1 Reason-Phrase: no CR, LF or other control characters; kept short. */
  static String reasonPhrase(String reason) {
    StringBuilder phrase = new StringBuilder(Math.min(reason.length(), MAX_REASON));
    for (int i = 0; i < reason.length() && phrase.length() < MAX_REASON; i++) {
      char c = reason.charAt(i);
      phrase.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    return phrase.toString().strip();
  }
}
