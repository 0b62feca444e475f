package io.callflow.sip.ua;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Answers one challenge, and again on each refresh with the same nonce (RFC 3261 §22.1 lets a
 * UA reuse credentials for a realm), counting {@code nc} up each time (RFC 2617 §3.2.2) and
 * drawing a fresh {@code cnonce} for each request. Prefers {@code qop=auth}; falls back to the
 * RFC 2069 form when the challenge offers no qop. Not thread-safe: owned by one client.
 */
public final class DigestSession {

  private final DigestChallenge challenge;
  private final DigestCredentials credentials;
  private final RandomGenerator random;
  private final Optional<String> qop;
  private int nonceCount;

  private DigestSession(DigestChallenge challenge, DigestCredentials credentials,
      RandomGenerator random, Optional<String> qop) {
    this.challenge = challenge;
    this.credentials = credentials;
    this.random = random;
    this.qop = qop;
  }

  /**
   * A session for {@code challenge}, or empty when we cannot answer it: an algorithm other than
   * MD5 or SHA-256, or only {@code qop=auth-int} offered.
   */
  public static Optional<DigestSession> open(DigestChallenge challenge,
      DigestCredentials credentials, RandomGenerator random) {
    if (!Digest.supports(challenge.algorithm())) {
      return Optional.empty();
    }
    if (challenge.qop().isEmpty()) {
      return Optional.of(new DigestSession(challenge, credentials, random, Optional.empty()));
    }
    if (!challenge.qop().contains("auth")) {
      return Optional.empty();
    }
    return Optional.of(new DigestSession(challenge, credentials, random, Optional.of("auth")));
  }

  public DigestChallenge challenge() {
    return challenge;
  }

  /** The credentials header value (RFC 3261 §25.1 {@code digest-response}) for the next request. */
  public String authorize(String method, String digestUri) {
    return authorize(method, digestUri, Tokens.hex(random, 8));
  }

  /** As {@link #authorize(String, String)} with a given cnonce, for the RFC examples. */
  String authorize(String method, String digestUri, String cnonce) {
    nonceCount++;
    String nc = String.format("%08x", nonceCount);
    String response = Digest.response(challenge.algorithm(), credentials, challenge.realm(),
        challenge.nonce(), method, digestUri, qop, nc, cnonce);
    StringBuilder header = new StringBuilder("Digest username=").append(quote(credentials.username()))
        .append(", realm=").append(quote(challenge.realm()))
        .append(", nonce=").append(quote(challenge.nonce()))
        .append(", uri=").append(quote(digestUri))
        .append(", response=").append(quote(response))
        .append(", algorithm=").append(challenge.algorithm());
    challenge.opaque().ifPresent(opaque -> header.append(", opaque=").append(quote(opaque)));
    qop.ifPresent(value -> header.append(", qop=").append(value)
        .append(", nc=").append(nc)
        .append(", cnonce=").append(quote(cnonce)));
    return header.toString();
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
