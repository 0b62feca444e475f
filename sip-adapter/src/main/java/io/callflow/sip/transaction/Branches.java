package io.callflow.sip.transaction;

import io.callflow.sip.message.Via;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New Via branch values: the RFC 3261 magic cookie (§8.1.1.7) followed by 64 random bits,
 * unique in space and time for each request this element sends.
 */
public final class Branches {

  private Branches() {}

  /** A fresh branch, e.g. {@code z9hG4bK5f3c9a1e07b2d4c8}. */
  public static String next() {
    return Via.MAGIC_COOKIE + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  }

  /** A fresh tag for From or To (§19.3: at least 32 bits of randomness). */
  public static String nextTag() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  }
}
