package io.callflow.sip.b2bua;

import java.util.Optional;

/**
 * A connection line (RFC 4566 §5.7): {@code c=<nettype> <addrtype> <connection-address>},
 * e.g. {@code c=IN IP6 2001:db8::1}. The address keeps any {@code /ttl} suffix as received.
 */
public record SdpConnection(String netType, String addrType, String address) {

  static Optional<SdpConnection> parse(String value) {
    String[] fields = value.split(" ", -1);
    if (fields.length != 3 || fields[0].isEmpty() || fields[1].isEmpty() || fields[2].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SdpConnection(fields[0], fields[1], fields[2]));
  }

  /** True for a hold address of the old style (RFC 2543 {@code c=IN IP4 0.0.0.0}), which RFC 3264 §8.4 replaced. */
  public boolean isUnspecified() {
    return address.equals("0.0.0.0") || address.equals("::");
  }
}
