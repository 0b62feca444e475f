package io.callflow.sip.b2bua;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The origin line (RFC 4566 §5.2): {@code o=<username> <sess-id> <sess-version> <nettype>
 * <addrtype> <unicast-address>}. Session id and version are kept as the digits received
 * (they may exceed 64 bits); the version is bumped by {@link #nextVersion()}.
 */
public record SdpOrigin(String username, String sessionId, BigInteger version, String netType,
    String addrType, String address) {

  /** The longest version accepted: 40 digits, far beyond any real one, bounds the BigInteger. */
  private static final int MAX_VERSION_DIGITS = 40;

  public SdpOrigin {
    for (String field : List.of(username, sessionId, netType, addrType, address)) {
      if (Objects.requireNonNull(field, "origin field").isEmpty() || field.contains(" ")) {
        throw new IllegalArgumentException("SDP origin field '" + field + "' must be non-empty without spaces");
      }
    }
    Objects.requireNonNull(version, "version");
    if (version.signum() < 0) {
      throw new IllegalArgumentException("SDP origin version must not be negative: " + version);
    }
  }

  /** Parses the value after {@code o=}; empty when it does not have the six fields. */
  static Optional<SdpOrigin> parse(String value) {
    String[] fields = value.split(" ", -1);
    if (fields.length != 6 || !HeaderText.isDigits(fields[2], MAX_VERSION_DIGITS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SdpOrigin(fields[0], fields[1], new BigInteger(fields[2]), fields[3], fields[4], fields[5]));
    } catch (IllegalArgumentException emptyField) {
      return Optional.empty();
    }
  }

  /** RFC 3264 §8: the same origin with the version one higher, for a changed session description. */
  public SdpOrigin nextVersion() {
    return new SdpOrigin(username, sessionId, version.add(BigInteger.ONE), netType, addrType, address);
  }

  /** The full line, {@code o=...}, without line ending. */
  public String line() {
    return "o=" + username + " " + sessionId + " " + version + " " + netType + " " + addrType + " " + address;
  }
}
