package io.callflow.ops.sip;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.stack.IncomingRequest;
import io.callflow.sip.stack.SipApplication;
import io.callflow.sip.ua.OptionsResponder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service answers today, before call routing exists:
 *
 * <ul>
 *   <li>OPTIONS: {@link OptionsResponder} (200 with Allow, or 503 while draining);
 *   <li>PUBLISH: call-quality reports to the headset monitor ({@link QualityPublish});
 *   <li>INVITE: {@code 503 Call Routing Not Enabled} with
 *       {@code Warning: 399 callflow "call routing is not enabled on this instance"} and no
 *       Retry-After. The B2BUA is not built, so the call is refused rather than answered; 503
 *       lets a proxy in front (Kamailio's {@code failure_route}) try elsewhere (RFC 3261
 *       §21.5.4), and without Retry-After no client is told to come back at a set time.
 *   <li>BYE: 481, since this instance holds no calls (§15.1.2); ACK: nothing (§17);
 *   <li>any other method: 405 with Allow (§21.4.6).
 * </ul>
 *
 * In-dialog requests get the same answers: no dialog can exist while INVITE is refused.
 */
final class ServiceApplication implements SipApplication {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceApplication.class);

  /** The methods answered here (RFC 3261 §20.5), advertised in Allow. */
  static final List<String> ALLOW = List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "PUBLISH");
  /** Bodies taken (§20.1): SDP in an INVITE (refused for now, but understood) and RFC 6035 reports. */
  static final List<String> ACCEPT = List.of("application/sdp", QualityPublish.CONTENT_TYPE);
  /** RFC 3261 §21.5.4. */
  static final int SERVICE_UNAVAILABLE = 503;
  static final String INVITE_REASON = "Call Routing Not Enabled";
  /** RFC 3261 §20.43: 399 is a miscellaneous warning; the agent is a pseudonym. */
  static final String INVITE_WARNING = "399 callflow \"call routing is not enabled on this instance\"";
  /** RFC 3261 §15.1.2. */
  private static final int NO_SUCH_CALL = 481;
  /** RFC 3261 §21.4.6. */
  private static final int METHOD_NOT_ALLOWED = 405;

  private final OptionsResponder options;
  private final QualityPublish publish;

  ServiceApplication(OptionsResponder options, QualityPublish publish) {
    this.options = options;
    this.publish = publish;
  }

  @Override
  public void onRequest(IncomingRequest request) {
    switch (request.method()) {
      case "OPTIONS" -> request.respond(options.respond(request.request()));
      case "PUBLISH" -> publish.handle(request);
      case "INVITE" -> refuseCall(request);
      case "BYE" -> request.respond(NO_SUCH_CALL);
      case "ACK" -> LOG.debug("ACK outside any transaction or dialog ignored");
      default -> request.respond(request.createResponse(METHOD_NOT_ALLOWED, null).withHeaderValues("Allow", ALLOW));
    }
  }

  @Override
  public void onDialogRequest(Dialog dialog, IncomingRequest request) {
    onRequest(request);
  }

  private static void refuseCall(IncomingRequest invite) {
    // Debug only: every call attempt would otherwise be a log line; the SIP metrics count the 503s.
    LOG.debug("INVITE refused with 503: call routing is not enabled");
    invite.respond(invite.createResponse(SERVICE_UNAVAILABLE, INVITE_REASON).withHeader("Warning", INVITE_WARNING));
  }
}
