package io.callflow.sip.codec;

/**
 * Size limits the framers enforce before anything is parsed, so a peer cannot make the
 * service buffer without bound. On UDP a datagram over a limit is dropped, and one whose
 * Content-Length exceeds {@code maxBodyBytes} is answered 400; on TCP any violation closes the
 * connection (there is no safe way to find the next message boundary).
 *
 * @param maxStartLineBytes request or status line, without its CRLF ({@code sip.limits.maxStartLineBytes})
 * @param maxHeaderBytes start line plus headers plus the blank line ({@code sip.limits.maxHeaderBytes})
 * @param maxBodyBytes body, as declared by Content-Length ({@code sip.limits.maxBodyBytes})
 * @param maxMessageBytes whole message ({@code sip.limits.maxMessageBytes})
 */
public record SipLimits(int maxStartLineBytes, int maxHeaderBytes, int maxBodyBytes, int maxMessageBytes) {

  /** Smallest accepted value of any limit: a minimal OPTIONS needs more than this. */
  public static final int MIN_LIMIT = 64;
  /** Largest accepted value of any limit, 16 MiB. */
  public static final int MAX_LIMIT = 16 * 1024 * 1024;

  /** @throws IllegalArgumentException naming the setting and its valid range */
  public SipLimits {
    check("sip.limits.maxStartLineBytes", maxStartLineBytes, MIN_LIMIT, MAX_LIMIT);
    check("sip.limits.maxHeaderBytes", maxHeaderBytes, maxStartLineBytes, MAX_LIMIT);
    check("sip.limits.maxBodyBytes", maxBodyBytes, 0, MAX_LIMIT);
    check("sip.limits.maxMessageBytes", maxMessageBytes, maxHeaderBytes, MAX_LIMIT);
  }

  /** 4 KiB start line, 32 KiB headers, 64 KiB body, 96 KiB message. */
  public static SipLimits defaults() {
    return new SipLimits(4 * 1024, 32 * 1024, 64 * 1024, 96 * 1024);
  }

  static void check(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
