package io.callflow.sip.b2bua.registrar;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.stack.IncomingRequest;
import io.callflow.sip.stack.SipApplication;

/**
 * The application RegistrarSippIT puts on the real stack: REGISTER goes to the
 * {@link Registrar}, anything else out of dialog gets 405 (RFC 3261 §21.4.6) and anything in
 * dialog 481 (§21.4.19; there are no dialogs here). In the service the B2BUA's application
 * does the same dispatch.
 */
final class RegistrarApplication implements SipApplication {

  private static final int METHOD_NOT_ALLOWED = 405;
  private static final int NO_DIALOG = 481;

  private final Registrar registrar;

  RegistrarApplication(Registrar registrar) {
    this.registrar = registrar;
  }

  @Override
  public void onRequest(IncomingRequest request) {
    if (request.method().equals("REGISTER")) {
      registrar.handle(request);
    } else {
      request.respond(METHOD_NOT_ALLOWED);
    }
  }

  @Override
  public void onDialogRequest(Dialog dialog, IncomingRequest request) {
    request.respond(NO_DIALOG);
  }
}
