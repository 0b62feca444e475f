package io.callflow.sip.ua;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Digest challenge from a {@code WWW-Authenticate} or {@code Proxy-Authenticate} header
 * (RFC 3261 §22.1, §25.1 {@code digest-cln}; RFC 2617 §3.2.1).
 *
 * @param algorithm upper case; {@code MD5} when the header names none (RFC 2617 §3.2.1)
 * @param qop the qop options offered, lower case; empty for an RFC 2069-style challenge
 * @param stale true when the server rejected only the nonce, not the credentials
 */
public record DigestChallenge(
    String realm, String nonce, Optional<String> opaque, String algorithm, Set<String> qop,
    boolean stale) {

  public DigestChallenge {
    qop = Set.copyOf(qop);
  }

  /**
   * Parses one header value; empty when it is not a Digest challenge or lacks realm or nonce.
   * Never throws on what a server sends.
   */
  public static Optional<DigestChallenge> parse(String headerValue) {
    Optional<Map<String, String>> digest = digestParams(headerValue);
    if (digest.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> params = digest.get();
    String realm = params.get("realm");
    String nonce = params.get("nonce");
    if (realm == null || nonce == null) {
      return Optional.empty();
    }
    Set<String> qop = Stream.of(params.getOrDefault("qop", "").split(","))
        .map(option -> option.strip().toLowerCase(Locale.ROOT))
        .filter(option -> !option.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    return Optional.of(new DigestChallenge(realm, nonce,
        Optional.ofNullable(params.get("opaque")),
        params.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT),
        qop,
        "true".equalsIgnoreCase(params.get("stale"))));
  }

  /**
   * The auth-params of a {@code Digest} challenge or credentials header value (RFC 3261 §25.1
   * {@code digest-cln} / {@code digest-response}), names lower-cased; empty when the scheme is
   * not Digest. Shared with the registrar, which reads Authorization headers. Never throws.
   */
  public static Optional<Map<String, String>> digestParams(String headerValue) {
    if (headerValue == null) {
      return Optional.empty();
    }
    String text = headerValue.strip();
    if (text.length() < 7 || !text.regionMatches(true, 0, "Digest", 0, 6)
        || !Character.isWhitespace(text.charAt(6))) {
      return Optional.empty();
    }
    return Optional.of(params(text.substring(7)));
  }

  /** auth-param list: {@code name=token} or {@code name="quoted \"string\""}, comma separated. */
  private static Map<String, String> params(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
        i++;
      }
      int nameStart = i;
      while (i < n && text.charAt(i) != '=' && text.charAt(i) != ',') {
        i++;
      }
      String name = text.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
      if (i >= n || text.charAt(i) != '=') {
        continue;
      }
      i++;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (i < n && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        i++;
      } else {
        while (i < n && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      params.putIfAbsent(name, value.toString().strip());
    }
    return params;
  }
}
