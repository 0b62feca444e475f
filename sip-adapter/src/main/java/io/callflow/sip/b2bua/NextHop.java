package io.callflow.sip.b2bua;

import io.callflow.sip.dialog.UriText;
import io.callflow.sip.transaction.Peer;
import java.net.InetSocketAddress;
import java.util.Locale;

/** Where the B2BUA sends a request it places: a call to an agent, a callback, a transfer target. */
public final class NextHop {

  private NextHop() {
  }

  /**
   * The peer a request to {@code uri} goes to (RFC 3261 §8.1.2 without RFC 3263 lookups): the
   * URI's host and port, over its {@code transport} parameter when it has one, otherwise over
   * {@code defaultTransport} (b2bua.transport).
   */
  public static Peer peer(String uri, String defaultTransport) {
    UriText.Hop hop = UriText.hop(uri);
    boolean named = uri.toLowerCase(Locale.ROOT).contains(";transport=");
    String transport = !named ? defaultTransport : hop.transport().equals("UDP") ? "UDP" : "TCP";
    return new Peer(transport, new InetSocketAddress(hop.host(), hop.port()));
  }
}
