package io.callflow.sip.codec;

import java.nio.charset.StandardCharsets;

/**
 * Finds the Call-ID of a framed message without parsing it: the value of the first
 * {@code Call-ID} or compact {@code i} header (RFC 3261 §20.8, §7.3.3), trimmed as the parser
 * trims it. Used to pick the event loop that will parse a datagram, so parsing spreads over
 * every loop even when all datagrams arrive on one socket, and each call stays on one loop.
 * A miss (no header, a folded value) only costs a hand-off later; it never changes a result.
 */
public final class CallIdScanner {

  private CallIdScanner() {
  }

  /** The Call-ID in the header block of {@code bytes}, or "" when there is none. */
  public static String callId(byte[] bytes) {
    int length = bytes.length;
    int pos = HeaderBlockScanner.lineEnd(bytes, 0, length) + 1;
    while (pos < length) {
      int end = HeaderBlockScanner.lineEnd(bytes, pos, length);
      int contentEnd = end > pos && bytes[end - 1] == '\r' ? end - 1 : end;
      if (contentEnd == pos) {
        return "";
      }
      int colon = HeaderBlockScanner.indexOf(bytes, pos, contentEnd, (byte) ':');
      if (colon > 0 && isCallIdName(bytes, pos, colon)) {
        int from = colon + 1;
        while (from < contentEnd && (bytes[from] == ' ' || bytes[from] == '\t')) {
          from++;
        }
        int to = contentEnd;
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
          to--;
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
      }
      pos = end + 1;
    }
    return "";
  }

  private static boolean isCallIdName(byte[] b, int start, int colon) {
    int end = colon;
    while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
      end--;
    }
    int length = end - start;
    if (length == 1) {
      return (b[start] | 0x20) == 'i';
    }
    return length == 7 && (b[start] | 0x20) == 'c' && (b[start + 1] | 0x20) == 'a' && (b[start + 2] | 0x20) == 'l'
        && (b[start + 3] | 0x20) == 'l' && b[start + 4] == '-' && (b[start + 5] | 0x20) == 'i'
        && (b[start + 6] | 0x20) == 'd';
  }
}
