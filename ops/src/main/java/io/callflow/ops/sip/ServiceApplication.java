package io.callflow.ops.sip;

import io.callflow.sip.b2bua.call.B2bua;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.stack.IncomingRequest;
import io.callflow.sip.stack.SipApplication;
import io.callflow.sip.ua.OptionsResponder;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service answers:
 *
 * <ul>
 *   <li>OPTIONS: {@link OptionsResponder} (200 with Allow, or 503 while draining);
 *   <li>PUBLISH: call-quality reports to the headset monitor ({@link QualityPublish});
 *   <li>INVITE: to the B2BUA when {@code b2bua.routing} turns it on ({@link CallControl});
 *       otherwise {@code 503 Call Routing Not Enabled} with
 *       {@code Warning: 399 callflow "call routing is not enabled on this instance"} and no
 *       Retry-After: 503 lets a proxy in front (Kamailio's {@code failure_route}) try elsewhere
 *       (RFC 3261 §21.5.4), and without Retry-After no client is told to come back at a set time;
 *   <li>REGISTER: to the registrar for agent phones in registrar mode, else 405;
 *   <li>BYE outside a dialog: 481 (§15.1.2); ACK: nothing (§17);
 *   <li>any other method: 405 with Allow (§21.4.6).
 * </ul>
 *
 * Requests, ACKs and CANCELs in the dialogs of a B2BUA call go to the B2BUA; other in-dialog
 * requests get the same answers as outside one.
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
  private final CallControl calls;

  ServiceApplication(OptionsResponder options, QualityPublish publish, CallControl calls) {
    this.options = options;
    this.publish = publish;
    this.calls = calls;
  }

  @Override
  public void onRequest(IncomingRequest request) {
    switch (request.method()) {
      case "OPTIONS" -> request.respond(options.respond(request.request()));
      case "PUBLISH" -> publish.handle(request);
      case "INVITE" -> calls.b2bua().ifPresentOrElse(b2bua -> b2bua.onRequest(request), () -> refuseCall(request));
      case "REGISTER" -> calls.registrar().ifPresentOrElse(registrar -> registrar.handle(request),
          () -> refuseMethod(request));
      case "BYE" -> request.respond(NO_SUCH_CALL);
      case "ACK" -> LOG.debug("ACK outside any transaction or dialog ignored");
      default -> refuseMethod(request);
    }
  }

  /** RFC 3261 §21.4.6: 405 with the methods this service does take. */
  private static void refuseMethod(IncomingRequest request) {
    request.respond(request.createResponse(METHOD_NOT_ALLOWED, null).withHeaderValues("Allow", ALLOW));
  }

  @Override
  public void onDialogRequest(Dialog dialog, IncomingRequest request) {
    Optional<B2bua> b2bua = calls.b2bua().filter(b -> b.holds(dialog.id().callId()));
    if (b2bua.isPresent()) {
      b2bua.get().onDialogRequest(dialog, request);
    } else {
      onRequest(request);
    }
  }

  @Override
  public void onAck(Dialog dialog, SipRequest ack) {
    calls.b2bua().filter(b -> b.holds(dialog.id().callId())).ifPresent(b -> b.onAck(dialog, ack));
  }

  @Override
  public void onCancel(IncomingRequest invite) {
    calls.b2bua().filter(b -> b.holds(invite.request().callId().orElse(""))).ifPresent(b -> b.onCancel(invite));
  }

  @Override
  public void onAckTimeout(Dialog dialog) {
    calls.b2bua().filter(b -> b.holds(dialog.id().callId())).ifPresent(b -> b.onAckTimeout(dialog));
  }

  private static void refuseCall(IncomingRequest invite) {
    // Debug only: every call attempt would otherwise be a log line; the SIP metrics count the 503s.
    LOG.debug("INVITE refused with 503: call routing is not enabled");
    invite.respond(invite.createResponse(SERVICE_UNAVAILABLE, INVITE_REASON).withHeader("Warning", INVITE_WARNING));
  }
}
