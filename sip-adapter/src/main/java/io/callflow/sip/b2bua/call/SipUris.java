package io.callflow.sip.b2bua.call;

import io.callflow.sip.dialog.UriText;
import io.callflow.sip.transaction.Peer;
import java.net.InetSocketAddress;
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

  /** The peer a request to {@code uri} goes to (RFC 3261 §8.1.2 without RFC 3263 lookups). */
  static Peer peer(String uri, String defaultTransport) {
    UriText.Hop hop = UriText.hop(uri);
    boolean named = uri.toLowerCase(java.util.Locale.ROOT).contains(";transport=");
    String transport = !named ? defaultTransport : hop.transport().equals("UDP") ? "UDP" : "TCP";
    return new Peer(transport, new InetSocketAddress(hop.host(), hop.port()));
  }
}
