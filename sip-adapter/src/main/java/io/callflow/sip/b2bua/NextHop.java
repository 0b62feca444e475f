package io.callflow.sip.b2bua;

import io.callflow.sip.dialog.UriText;
import io.callflow.sip.stack.HopPeers;
import io.callflow.sip.transaction.Peer;
import java.util.Locale;

/** Where the B2BUA sends a request it places: a call to an agent, a callback, a transfer target. */
public final class NextHop {

  private NextHop() {
  }

  /**
   * The peer a request to {@code uri} goes to (RFC 3261 §8.1.2 without RFC 3263 lookups): the
   * URI's host and port, over its {@code transport} parameter when it has one, otherwise over
   * {@code defaultTransport} (b2bua.transport). One shared peer per IP address ({@link HopPeers}),
   * so a call keeps no address of its own.
   */
  public static Peer peer(String uri, String defaultTransport) {
    UriText.Hop hop = UriText.hop(uri);
    boolean named = uri.toLowerCase(Locale.ROOT).contains(";transport=");
    String transport = !named ? defaultTransport : hop.transport().equals("UDP") ? "UDP" : "TCP";
    return HopPeers.of(transport, hop.host(), hop.port());
  }
}
