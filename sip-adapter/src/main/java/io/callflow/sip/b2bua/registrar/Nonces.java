package io.callflow.sip.b2bua.registrar;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless Digest nonces (RFC 7616 §3.3 suggests "time-stamp H(time-stamp ":" ETag ":"
 * secret-data)"): issue time, 8 random bytes, and an HMAC-SHA256 over both and the realm with
 * a key drawn once per process, base64url. The registrar keeps no table of nonces it issued;
 * a nonce it did not make fails the HMAC, one older than the lifetime is stale (RFC 2617
 * §3.2.1 {@code stale=true}: re-challenge without asking for a new password). A restart
 * changes the key, so phones are re-challenged once.
 */
final class Nonces {

  /** What a nonce from an Authorization header turned out to be. */
  enum Check { FRESH, STALE, FORGED }

  private static final String HMAC = "HmacSHA256";
  private static final int TIME_BYTES = Long.BYTES;
  private static final int RANDOM_BYTES = 8;
  private static final int MAC_BYTES = 16;
  private static final int LENGTH = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;

  private final byte[] key;
  private final byte[] realm;
  private final Duration lifetime;
  private final LongSupplier nowMillis;
  private final RandomGenerator random;

  /**
   * @param random source of the key and of each nonce's random part; production passes a
   *     {@link java.security.SecureRandom}
   */
  Nonces(String realm, Duration lifetime, LongSupplier nowMillis, RandomGenerator random) {
    this.key = new byte[32];
    random.nextBytes(key);
    this.realm = realm.getBytes(StandardCharsets.UTF_8);
    this.lifetime = lifetime;
    this.nowMillis = nowMillis;
    this.random = random;
  }

  /** A new nonce, issued now. */
  String issue() {
    ByteBuffer nonce = ByteBuffer.allocate(LENGTH);
    nonce.putLong(nowMillis.getAsLong());
    byte[] salt = new byte[RANDOM_BYTES];
    random.nextBytes(salt);
    nonce.put(salt);
    nonce.put(mac(nonce.array(), TIME_BYTES + RANDOM_BYTES));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
  }

  /** Whether {@code nonce} is one of ours and still within its lifetime. Never throws. */
  Check check(String nonce) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return Check.FORGED;
    }
    if (bytes.length != LENGTH) {
      return Check.FORGED;
    }
    byte[] expected = mac(bytes, TIME_BYTES + RANDOM_BYTES);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, TIME_BYTES + RANDOM_BYTES, LENGTH))) {
      return Check.FORGED;
    }
    long issued = ByteBuffer.wrap(bytes).getLong();
    return nowMillis.getAsLong() - issued > lifetime.toMillis() ? Check.STALE : Check.FRESH;
  }

  /** When {@code nonce} (already checked) was issued, in epoch milliseconds. */
  static long issuedAt(String nonce) {
    return ByteBuffer.wrap(Base64.getUrlDecoder().decode(nonce)).getLong();
  }

  private byte[] mac(byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      mac.update(data, 0, length);
      mac.update(realm);
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides " + HMAC, e);
    }
  }
}
