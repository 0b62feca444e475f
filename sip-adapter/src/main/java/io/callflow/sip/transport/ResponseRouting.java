package io.callflow.sip.transport;

import io.callflow.sip.message.SipResponse;
import io.callflow.sip.message.Via;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where a response goes, RFC 3261 §18.2.2 with RFC 3581 §4: always the source IP of the
 * request (the {@code received} rule), so no Via host name is ever resolved; the port is the
 * source port when the Via has {@code rport}, else the sent-by port or the transport default.
 */
final class ResponseRouting {

  private ResponseRouting() {
  }

  static InetSocketAddress destination(SipResponse response, Source source) {
    Optional<Via> top = response.topVia();
    if (top.isEmpty()) {
      return source.remote();
    }
    Via via = top.get();
    int port;
    if (via.rport()) {
      port = via.rportValue().orElse(source.remote().getPort());
    } else {
      port = via.portOrDefault();
    }
    return new InetSocketAddress(source.remote().getAddress(), port);
  }
}
