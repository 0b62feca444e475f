package io.callflow.sip.transport;

import java.util.concurrent.ThreadLocalRandom;

/** To tags for responses this layer builds itself; RFC 3261 §19.3 asks for 32 random bits or more. */
final class ToTags {

  private ToTags() {
  }

  static String next() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }
}
