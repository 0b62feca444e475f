package io.callflow.sip.transaction;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One String per sent-by host for the server transactions' keys. The parser makes a new host
 * String for every request, and a server transaction keeps its key for 64*T1 after the call
 * (Timers J and L); the hosts are few (the PBX, the phones), so sharing one String per host
 * spares the collector two objects per transaction.
 *
 * <p>Bounded: hosts beyond {@link #MAX_HOSTS} (a flood of forged Vias) are used as given.
 */
final class SentByHosts {

  static final int MAX_HOSTS = 4096;

  private static final ConcurrentMap<String, String> HOSTS = new ConcurrentHashMap<>();

  private SentByHosts() {
  }

  /** The shared String equal to {@code host}, or {@code host} itself once the table is full. */
  static String shared(String host) {
    String known = HOSTS.get(host);
    if (known != null) {
      return known;
    }
    if (HOSTS.size() >= MAX_HOSTS) {
      return host;
    }
    known = HOSTS.putIfAbsent(host, host);
    return known != null ? known : host;
  }
}
