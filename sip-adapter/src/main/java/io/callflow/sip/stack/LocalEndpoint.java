package io.callflow.sip.stack;

import java.util.Locale;

/**
 * The address this stack puts in its Via sent-by (§18.1.1) and Contact (§8.1.1.8) for one
 * transport: the advertised host (the bind address unless configured otherwise) and port.
 *
 * @param transport "UDP" or "TCP"
 * @param host the host or IP peers reach this stack at
 * @param port the port
 */
public record LocalEndpoint(String transport, String host, int port) {

  public LocalEndpoint {
    transport = transport.toUpperCase(Locale.ROOT);
  }

  /** The Contact URI: {@code sip:host:port}, with {@code ;transport=tcp} for TCP. */
  public String contactUri() {
    String base = "sip:" + host + ":" + port;
    return transport.equals("UDP") ? base : base + ";transport=" + transport.toLowerCase(Locale.ROOT);
  }
}
