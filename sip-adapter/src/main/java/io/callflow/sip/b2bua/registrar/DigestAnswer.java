package io.callflow.sip.b2bua.registrar;

import io.callflow.sip.ua.DigestChallenge;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Digest credentials in an {@code Authorization} header (RFC 3261 §22.4, §25.1
 * {@code digest-response}; RFC 2617 §3.2.2). Parsing only: whether they are right is the
 * {@link Registrar}'s question.
 *
 * @param algorithm upper case; {@code MD5} when absent (RFC 2617 §3.2.2)
 * @param qop lower case; empty when absent (the RFC 2069 form)
 * @param nc the nonce count as sent (8 hex digits when well formed); empty when absent
 * @param cnonce empty when absent
 */
record DigestAnswer(String username, String realm, String nonce, String uri, String response,
    String algorithm, String qop, String nc, String cnonce) {

  /**
   * Parses one header value; empty when it is not Digest or lacks username, realm, nonce, uri
   * or response. Never throws on what a phone sends.
   */
  static Optional<DigestAnswer> parse(String headerValue) {
    Optional<Map<String, String>> digest = DigestChallenge.digestParams(headerValue);
    if (digest.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> params = digest.get();
    String username = params.get("username");
    String realm = params.get("realm");
    String nonce = params.get("nonce");
    String uri = params.get("uri");
    String response = params.get("response");
    if (username == null || realm == null || nonce == null || uri == null || response == null) {
      return Optional.empty();
    }
    return Optional.of(new DigestAnswer(username, realm, nonce, uri, response.toLowerCase(Locale.ROOT),
        params.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT),
        params.getOrDefault("qop", "").toLowerCase(Locale.ROOT),
        params.getOrDefault("nc", ""), params.getOrDefault("cnonce", "")));
  }

  /** The nonce count as a number when it is the 8 hex digits RFC 2617 §3.2.2 requires. */
  Optional<Long> nonceCount() {
    return nc.matches("[0-9a-fA-F]{8}") ? Optional.of(Long.parseLong(nc, 16)) : Optional.empty();
  }
}
