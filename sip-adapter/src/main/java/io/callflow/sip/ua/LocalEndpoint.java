package io.callflow.sip.ua;

/**
 * Where our requests say they come from: the Via sent-by (RFC 3261 §18.2.1 answers go there)
 * and the host of our From and Contact.
 *
 * @param transport {@code UDP}, {@code TCP} or {@code TLS}
 */
public record LocalEndpoint(String transport, String host, int port) {

  public LocalEndpoint {
    if (transport == null || !transport.matches("UDP|TCP|TLS")) {
      throw new IllegalArgumentException("sip.listen.transport must be UDP, TCP or TLS, was "
          + transport);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("sip.listen.host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("sip.listen.port must be 1 to 65535, was " + port);
    }
  }
}
