package io.callflow.sip.message;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Maps jain-sip's Via header to our {@link Via} value without resolving the host. */
final class Vias {

  private Vias() {
  }

  static Via toVia(gov.nist.javax.sip.header.Via v) {
    String transport = v.getTransport() == null ? "" : v.getTransport().toUpperCase(Locale.ROOT);
    String host = v.getSentBy() == null || v.getSentBy().getHost() == null ? "" : v.getSentBy().getHost().encode();
    OptionalInt port = v.hasPort() ? OptionalInt.of(v.getPort()) : OptionalInt.empty();
    boolean rport = v.hasParameter(gov.nist.javax.sip.header.Via.RPORT);
    int rportValue = rport ? v.getRPort() : -1;
    return new Via(transport, host, port,
        Optional.ofNullable(v.getBranch()),
        Optional.ofNullable(v.getReceived()),
        rport,
        rportValue > 0 ? OptionalInt.of(rportValue) : OptionalInt.empty());
  }
}
