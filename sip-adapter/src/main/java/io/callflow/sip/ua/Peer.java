package io.callflow.sip.ua;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A configured peer (trunk, PBX, next hop) whose line is probed.
 *
 * @param name the {@code line} label in metrics: letters, digits, '.', '_', '-', 1 to 64
 * @param address where OPTIONS go; a request from this IP (any port) counts as a sign of life
 * @param uri Request-URI of the probe, e.g. {@code sip:192.0.2.10:5060}
 */
public record Peer(String name, InetSocketAddress address, String uri) {

  public Peer {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("sip.peers name '" + name
          + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    Objects.requireNonNull(address, "sip.peers[" + name + "].address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("sip.peers[" + name + "].address must be an IP "
          + "address literal, was " + address.getHostString());
    }
    if (uri == null || !uri.matches("(?i)sips?:\\S+")) {
      throw new IllegalArgumentException("sip.peers[" + name + "].uri must be a sip: or sips: "
          + "URI, was '" + uri + "'");
    }
  }
}
