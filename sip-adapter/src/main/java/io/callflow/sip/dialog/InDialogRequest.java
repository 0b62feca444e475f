package io.callflow.sip.dialog;

import java.util.List;

/**
 * The headers §12.2.1.1 fixes for a request within a dialog, before it becomes a message:
 * the stack turns this into a request (adding Via, Max-Forwards, Contact and a body).
 *
 * @param method the request method
 * @param requestUri the Request-URI (remote target, or the first route when it is a strict router)
 * @param routes the Route header values in order
 * @param nextHop the URI the request is sent to
 * @param callId the dialog's Call-ID
 * @param fromUri the local URI (From value without tag)
 * @param fromTag the local tag
 * @param toUri the remote URI (To value without tag)
 * @param toTag the remote tag
 * @param cseq the CSeq number
 */
public record InDialogRequest(String method, String requestUri, List<String> routes,
    String nextHop, String callId, String fromUri, String fromTag, String toUri, String toTag,
    long cseq) {

  public InDialogRequest {
    routes = List.copyOf(routes);
  }
}
