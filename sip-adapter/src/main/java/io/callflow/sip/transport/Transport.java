package io.callflow.sip.transport;

/**
 * The transport a message travels on, as named in Via (RFC 3261 §18, §20.42). TLS will be a
 * stream transport like TCP; it is not built yet.
 */
public enum Transport {
  /** One datagram per message; responses go to the source address, RFC 3261 §18.2.2. */
  UDP,
  /** A stream framed by Content-Length; responses reuse the request's connection, §18.2.2. */
  TCP;

  /** Whether messages are framed by Content-Length on a connection (§18.3). */
  public boolean isStream() {
    return this != UDP;
  }
}
