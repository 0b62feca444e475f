package io.callflow.ops.config;

import static io.callflow.ops.config.ValueTypes.integer;
import static io.callflow.ops.config.ValueTypes.ipAddress;

import java.net.InetAddress;

/** The {@code http} section: metrics, health, REST and console endpoints. */
public record HttpConfig(InetAddress bindAddress, int port, int maxRequestBytes) {

  static HttpConfig from(ConfigNode n) {
    return new HttpConfig(
        n.get("bindAddress", ipAddress()),
        n.get("port", ValueTypes.port()),
        n.get("maxRequestBytes", integer(1_024, 16 * 1_048_576)));
  }
}
