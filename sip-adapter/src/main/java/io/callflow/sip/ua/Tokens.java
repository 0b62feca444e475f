package io.callflow.sip.ua;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Random hex for tags, branches, Call-IDs and cnonces (RFC 3261 §19.3 wants them unguessable). */
final class Tokens {

  private Tokens() {
  }

  static String hex(RandomGenerator random, int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
