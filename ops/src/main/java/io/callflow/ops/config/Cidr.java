package io.callflow.ops.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IP network in CIDR notation (RFC 4632 §3.1), used for the SIP allow-lists.
 *
 * @param network the network address with host bits cleared
 * @param prefixLength number of leading bits that must match
 */
public record Cidr(InetAddress network, int prefixLength) {

  /** Parses {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address means a single host. */
  public static Optional<Cidr> parse(String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    String addressPart = slash < 0 ? t : t.substring(0, slash);
    Optional<InetAddress> address = IpLiterals.parse(addressPart);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int maxBits = address.get().getAddress().length * 8;
    int prefix = maxBits;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > maxBits) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
    }
    return Optional.of(new Cidr(mask(address.get(), prefix), prefix));
  }

  /** Whether {@code address} lies in this network; an IPv4 address never matches an IPv6 network. */
  public boolean contains(InetAddress address) {
    return network.equals(mask(address, prefixLength))
        && address.getAddress().length == network.getAddress().length;
  }

  private static InetAddress mask(InetAddress address, int prefix) {
    byte[] bytes = address.getAddress();
    if (prefix > bytes.length * 8) {
      return address;
    }
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address of valid length rejected", e);
    }
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefixLength;
  }
}
