package io.callflow.sip.edge;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), e.g.
 * {@code 10.0.0.0/8}, {@code 2001:db8::/32}. A bare address means one host ({@code /32} or
 * {@code /128}). An IPv4 network never matches an IPv6 address, not even an IPv4-mapped one:
 * Netty hands us the family the socket received on, and mixing them would widen a list silently.
 */
public record Cidr(byte[] network, int prefixLength) {

  public Cidr {
    network = network.clone();
    int bits = network.length * 8;
    if (network.length != 4 && network.length != 16) {
      throw new IllegalArgumentException("network must be 4 or 16 bytes, was " + network.length);
    }
    if (prefixLength < 0 || prefixLength > bits) {
      throw new IllegalArgumentException("prefix length must be 0 to " + bits + ", was " + prefixLength);
    }
    network = masked(network, prefixLength);
  }

  /**
   * Parses {@code text} given for config key {@code setting}; a malformed entry throws an
   * {@link IllegalArgumentException} naming the key, the entry and the expected form. Only
   * literal addresses are accepted: a host name would make the list depend on DNS.
   */
  public static Cidr parse(String setting, String text) {
    if (text == null || text.isBlank()) {
      throw invalid(setting, text, "empty entry");
    }
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = literal(setting, text, address);
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      String digits = trimmed.substring(slash + 1);
      if (digits.isEmpty() || digits.length() > 3 || !asciiDigits(digits)) {
        throw invalid(setting, text, "prefix length must be a number 0 to " + max);
      }
      prefix = Integer.parseInt(digits);
      if (prefix > max) {
        throw invalid(setting, text, "prefix length must be 0 to " + max);
      }
    }
    return new Cidr(bytes, prefix);
  }

  /** True when {@code address} is of the same family and inside this network. */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    // Byte by byte with the mask, no copy: this runs for every out-of-dialog request.
    for (int i = 0; i < candidate.length; i++) {
      int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
      if (keep == 0) {
        return true;
      }
      int mask = (0xFF << (8 - keep)) & 0xFF;
      if ((candidate[i] & mask) != (network[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static byte[] literal(String setting, String text, String address) {
    if (address.indexOf(':') < 0) {
      return ipv4(setting, text, address);
    }
    if (!address.matches("[0-9A-Fa-f:.]+")) {
      throw invalid(setting, text, "expected an IPv4 or IPv6 address literal, optionally /prefix");
    }
    try {
      // Contains ':' so the JDK parses it as an IPv6 literal and never asks DNS.
      return InetAddress.getByName(address).getAddress();
    } catch (java.net.UnknownHostException e) {
      throw invalid(setting, text, "not a valid IPv6 address");
    }
  }

  private static byte[] ipv4(String setting, String text, String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != 4) {
      throw invalid(setting, text, "expected an IPv4 or IPv6 address literal, optionally /prefix");
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !asciiDigits(part)
          || Integer.parseInt(part) > 255) {
        throw invalid(setting, text, "IPv4 octet '" + part + "' must be a number 0 to 255");
      }
      bytes[i] = (byte) Integer.parseInt(part);
    }
    return bytes;
  }

  private static boolean asciiDigits(String text) {
    return text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static IllegalArgumentException invalid(String setting, String text, String why) {
    return new IllegalArgumentException(setting + ": malformed CIDR entry '" + text + "': " + why
        + "; use e.g. 192.0.2.0/24, 192.0.2.7 or 2001:db8::/32");
  }

  private static byte[] masked(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
    }
    return out;
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr && cidr.prefixLength == prefixLength
        && Arrays.equals(cidr.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("length checked in constructor", e);
    }
  }
}
