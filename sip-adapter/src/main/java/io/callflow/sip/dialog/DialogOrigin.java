package io.callflow.sip.dialog;

import io.callflow.sip.message.SipRequest;
import java.util.Locale;

/**
 * What a dialog-creating request this side sent contributes to the dialog (RFC 3261
 * §12.1.2): the local address, the Request-URI (the remote target until a Contact says
 * otherwise), the CSeq number and whether it was secure. Kept instead of the parsed INVITE
 * while its transaction waits 64*T1 for retransmitted 2xx (RFC 6026 §8.4), each of which may
 * come from another fork and create another dialog.
 *
 * @param localAddress the From value without its tag, as name-addr text
 */
public record DialogOrigin(String localAddress, String requestUri, long cseq, boolean secure) {

  /** The origin of {@code request}, which must carry From and CSeq (every request this side builds does). */
  public static DialogOrigin of(SipRequest request) {
    return new DialogOrigin(DialogTable.nameAddr(request.from().orElseThrow()), request.requestUri(),
        request.cseq().orElseThrow().number(), isSecure(request));
  }

  /** §12.1.1: the dialog is secure when the request came over TLS with a sips Request-URI. */
  static boolean isSecure(SipRequest request) {
    return request.requestUri().toLowerCase(Locale.ROOT).startsWith("sips:");
  }
}
