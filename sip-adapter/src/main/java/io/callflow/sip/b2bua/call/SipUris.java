package io.callflow.sip.b2bua.call;

import io.callflow.sip.dialog.UriText;
import java.util.Optional;

/** The bits of a SIP URI the call needs: its user part and the peer it is sent to. */
final class SipUris {

  private SipUris() {
  }

  /** The user part of {@code sip:user@host}, or empty when there is none. */
  static Optional<String> user(String uri) {
    String spec = UriText.addrSpec(uri);
    int colon = spec.indexOf(':');
    int at = spec.indexOf('@');
    if (colon < 0 || at <= colon + 1) {
      return Optional.empty();
    }
    String user = spec.substring(colon + 1, at);
    int semicolon = user.indexOf(';');
    return Optional.of(semicolon >= 0 ? user.substring(0, semicolon) : user);
  }
}
