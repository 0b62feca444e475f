package io.callflow.sip.ua;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.stack.IncomingRequest;
import io.callflow.sip.stack.SipApplication;
import java.util.SplittableRandom;

/**
 * The application the UA integration tests put on the real stack: OPTIONS is answered by
 * {@link OptionsResponder}, anything else out of dialog gets 405 (RFC 3261 §21.4.6), anything
 * in dialog 481 (there are no dialogs here).
 */
final class UaTestApplication implements SipApplication {

  /** RFC 3261 §21.4.6 and §21.4.19. */
  private static final int METHOD_NOT_ALLOWED = 405;
  private static final int NO_DIALOG = 481;

  private final OptionsResponder options =
      new OptionsResponder(OptionsSettings.defaults(), () -> false, OptionsResponder.Overload.NEVER,
          new SplittableRandom());

  @Override
  public void onRequest(IncomingRequest request) {
    if (request.method().equals("OPTIONS")) {
      request.respond(options.respond(request.request()));
    } else {
      request.respond(METHOD_NOT_ALLOWED);
    }
  }

  @Override
  public void onDialogRequest(Dialog dialog, IncomingRequest request) {
    request.respond(NO_DIALOG);
  }
}
