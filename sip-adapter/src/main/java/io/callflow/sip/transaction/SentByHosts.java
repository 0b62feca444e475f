package io.callflow.sip.transaction;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One String per sent-by host for the server transactions' keys. The parser makes a new host
 * String for every request, and a server transaction keeps its key for 64*T1 after the call
 * (Timers J and L); the hosts are few (the PBX, the phones), so sharing one String per host
 * spares the collector two objects per transaction.
 *
 * <p>Bounded, because any source that reaches the port can make a key (matching runs before the
 * edge policy): a host longer than {@link #MAX_HOST_LENGTH} is used as given, and when
 * {@link #MAX_HOSTS} are held the table starts again empty (as {@code HopPeers} does), so forged
 * Vias cost at most about a megabyte and never switch the sharing off for good.
 */
final class SentByHosts {

  static final int MAX_HOSTS = 4096;
  /** A DNS name is at most 253 characters (RFC 1035 §2.3.4); an IPv6 reference far less. */
  static final int MAX_HOST_LENGTH = 255;

  private static final ConcurrentMap<String, String> HOSTS = new ConcurrentHashMap<>();

  private SentByHosts() {
  }

  /** The shared String equal to {@code host}; {@code host} itself when it is too long to keep. */
  static String shared(String host) {
    if (host.length() > MAX_HOST_LENGTH) {
      return host;
    }
    String known = HOSTS.get(host);
    if (known != null) {
      return known;
    }
    if (HOSTS.size() >= MAX_HOSTS) {
      HOSTS.clear();
    }
    known = HOSTS.putIfAbsent(host, host);
    return known != null ? known : host;
  }

  /** Hosts held now, for tests. */
  static int size() {
    return HOSTS.size();
  }
}
