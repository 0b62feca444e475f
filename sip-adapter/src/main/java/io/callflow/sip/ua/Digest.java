package io.callflow.sip.ua;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The Digest computation of RFC 2617 §3.2.2 as SIP uses it (RFC 3261 §22.4), for the
 * algorithms {@code MD5} (RFC 2617) and {@code SHA-256} (RFC 8760 §2):
 *
 * <pre>
 * A1 = username ":" realm ":" password              (§3.2.2.2)
 * A2 = method ":" digest-uri                        (§3.2.2.3, qop absent or "auth")
 * response = KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2))   with qop=auth
 * response = KD(H(A1), nonce ":" H(A2))                             without qop (RFC 2069)
 * KD(secret, data) = H(secret ":" data)
 * </pre>
 */
public final class Digest {

  private Digest() {
  }

  /** Whether {@code algorithm} (as named in a challenge) is one we can answer. */
  public static boolean supports(String algorithm) {
    return javaName(algorithm).isPresent();
  }

  /**
   * The request-digest, lower-case hex.
   *
   * @param qop {@code "auth"}, or empty for the RFC 2069 form (then {@code nc} and
   *     {@code cnonce} are not used)
   */
  public static String response(String algorithm, DigestCredentials credentials, String realm,
      String nonce, String method, String digestUri, Optional<String> qop, String nc,
      String cnonce) {
    String ha1 = hash(algorithm, credentials.username() + ":" + realm + ":" + credentials.password());
    String ha2 = hash(algorithm, method + ":" + digestUri);
    String data = qop.isPresent()
        ? nonce + ":" + nc + ":" + cnonce + ":" + qop.get() + ":" + ha2
        : nonce + ":" + ha2;
    return hash(algorithm, ha1 + ":" + data);
  }

  static String hash(String algorithm, String text) {
    String name = javaName(algorithm).orElseThrow(
        () -> new IllegalArgumentException("unsupported digest algorithm " + algorithm));
    try {
      MessageDigest digest = MessageDigest.getInstance(name);
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides " + name, e);
    }
  }

  private static Optional<String> javaName(String algorithm) {
    return switch (algorithm == null ? "" : algorithm.toUpperCase(Locale.ROOT)) {
      case "MD5" -> Optional.of("MD5");
      case "SHA-256" -> Optional.of("SHA-256");
      default -> Optional.empty();
    };
  }
}
