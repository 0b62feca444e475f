package io.callflow.sip.codec;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One pass over a header block, in bytes, without regular expressions. It finds what framing
 * needs (Content-Length in its long and compact forms, RFC 3261 §7.3.3, §20.14) and the few
 * defects jain-sip-ri accepts but RFC 3261 forbids:
 * <ul>
 *   <li>a SIP version other than 2.0 on the start line (jain-sip reports 2.0 regardless;
 *       RFC 4475 §3.1.2.16);</li>
 *   <li>an unquoted From/To display name with non-token characters (§25.1 {@code display-name},
 *       RFC 4475 §3.1.2.15) and white space inside the angle brackets (RFC 4475 §3.1.2.14).</li>
 * </ul>
 * Folded header lines (leading SP/HT) continue the previous header (§7.3.1).
 */
final class HeaderBlockScanner {

  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final String VERSION = "SIP/2.0";

  private HeaderBlockScanner() {
  }

  /**
   * Scans {@code bytes[0, length)} up to the blank line that ends the headers (or to
   * {@code length} when there is none). The values the scan judges (Content-Length, From, To)
   * are read in place; only a folded one is copied (§7.3.1).
   */
  static HeaderBlock scan(byte[] bytes, int length) {
    int startLineEnd = lineEnd(bytes, 0, length);
    FailureReason defect = versionDefect(bytes, 0, trimCr(bytes, 0, startLineEnd));
    Scan scan = new Scan();
    int headerEnd = length;
    int pos = startLineEnd + 1;
    int kind = Kind.OTHER;
    int valueStart = -1;
    int valueEnd = -1;
    StringBuilder folded = null;
    while (pos < length) {
      int end = lineEnd(bytes, pos, length);
      int contentEnd = trimCr(bytes, pos, end);
      boolean blank = contentEnd == pos;
      if (!blank && (bytes[pos] == ' ' || bytes[pos] == '\t')) {
        if (valueStart >= 0) {
          if (folded == null) {
            folded = new StringBuilder(ascii(bytes, valueStart, valueEnd));
          }
          folded.append(' ').append(ascii(bytes, pos, contentEnd));
        }
      } else {
        if (valueStart >= 0) {
          defect = firstOf(defect, scan.finish(kind, bytes, valueStart, valueEnd, folded));
        }
        valueStart = -1;
        folded = null;
        if (blank) {
          headerEnd = Math.min(end + 1, length);
          break;
        }
        int colon = indexOf(bytes, pos, contentEnd, (byte) ':');
        if (colon > 0) {
          kind = Kind.of(bytes, pos, trimWhite(bytes, pos, colon));
          if (kind != Kind.OTHER) {
            valueStart = colon + 1;
            valueEnd = contentEnd;
          }
        }
      }
      pos = end + 1;
    }
    if (valueStart >= 0) {
      defect = firstOf(defect, scan.finish(kind, bytes, valueStart, valueEnd, folded));
    }
    return new HeaderBlock(scan.count, scan.valid ? scan.first : -1, scan.valid, scan.agree,
        Optional.ofNullable(defect), startLineEnd, headerEnd);
  }

  /** Header kinds the scanner reads; everything else is skipped without allocation. */
  private static final class Kind {
    static final int OTHER = 0;
    static final int CONTENT_LENGTH = 1;
    static final int ADDRESS = 2;

    static int of(byte[] b, int start, int end) {
      int len = end - start;
      if (len == 1) {
        int c = b[start] | 0x20;
        return c == 'l' ? CONTENT_LENGTH : (c == 'f' || c == 't') ? ADDRESS : OTHER;
      }
      if (equalsIgnoreCase(b, start, end, "content-length")) {
        return CONTENT_LENGTH;
      }
      return equalsIgnoreCase(b, start, end, "from") || equalsIgnoreCase(b, start, end, "to") ? ADDRESS : OTHER;
    }
  }

  /** Running Content-Length state. */
  private static final class Scan {
    int count;
    int first = -1;
    boolean valid = true;
    boolean agree = true;

    FailureReason finish(int kind, byte[] bytes, int start, int end, StringBuilder folded) {
      if (kind == Kind.CONTENT_LENGTH) {
        int parsed = folded == null ? parseLength(bytes, start, end) : parseLength(folded.toString().trim());
        if (parsed < 0) {
          valid = false;
        } else if (count == 0) {
          first = parsed;
        } else if (parsed != first) {
          agree = false;
        }
        count++;
        return null;
      }
      String value = folded == null ? ascii(bytes, start, end) : folded.toString();
      return addressDefect(value.trim()) ? FailureReason.BAD_ADDRESS : null;
    }
  }

  /** {@link #parseLength(String)} of {@code b[start, end)} trimmed as {@link String#trim()} trims, without copying. */
  static int parseLength(byte[] b, int start, int end) {
    int from = start;
    int to = end;
    while (from < to && (b[from] & 0xFF) <= ' ') {
      from++;
    }
    while (to > from && (b[to - 1] & 0xFF) <= ' ') {
      to--;
    }
    if (to == from || to - from > 10) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int c = b[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  /** Digits only, at most 2^31-1; -1 otherwise (negative, empty, not a number, overlarge). */
  static int parseLength(String digits) {
    if (digits.isEmpty() || digits.length() > 10) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  /**
   * An unquoted display name must be tokens and LWS (RFC 3261 §25.1); no LWS right inside the
   * angle brackets of a name-addr (RFC 4475 §3.1.2.14). Unbalanced quotes are the parser's job.
   */
  static boolean addressDefect(String value) {
    int lt;
    if (value.startsWith("\"")) {
      int close = closingQuote(value);
      if (close < 0) {
        return false;
      }
      lt = value.indexOf('<', close);
    } else {
      lt = value.indexOf('<');
      if (lt < 0) {
        return false;
      }
      for (int i = 0; i < lt; i++) {
        char c = value.charAt(i);
        if (!isTokenChar(c) && c != ' ' && c != '\t') {
          return true;
        }
      }
    }
    if (lt < 0 || lt + 1 >= value.length()) {
      return false;
    }
    int gt = value.indexOf('>', lt);
    return isWhite(value.charAt(lt + 1)) || (gt > lt + 1 && isWhite(value.charAt(gt - 1)));
  }

  private static int closingQuote(String value) {
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  /** RFC 3261 §25.1 {@code token} characters. */
  static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-.!%*_+`'~".indexOf(c) >= 0;
  }

  /**
   * The version token must be SIP/2.0 (case-insensitive, RFC 3261 §7.1). Only a token that
   * looks like a SIP version is judged; a start line with none is left to the parser.
   */
  private static FailureReason versionDefect(byte[] b, int start, int end) {
    int tokenStart;
    int tokenEnd;
    if (startsWithIgnoreCase(b, start, end, "SIP/")) {
      tokenStart = start;
      tokenEnd = indexOf(b, start, end, (byte) ' ');
      tokenEnd = tokenEnd < 0 ? end : tokenEnd;
    } else {
      tokenEnd = trimWhite(b, start, end);
      tokenStart = tokenEnd;
      while (tokenStart > start && b[tokenStart - 1] != ' ' && b[tokenStart - 1] != '\t') {
        tokenStart--;
      }
      if (!startsWithIgnoreCase(b, tokenStart, tokenEnd, "SIP/")) {
        return null;
      }
    }
    return equalsIgnoreCase(b, tokenStart, tokenEnd, VERSION) ? null : FailureReason.BAD_VERSION;
  }

  private static FailureReason firstOf(FailureReason current, FailureReason next) {
    return current != null ? current : next;
  }

  /** Index of the LF ending the line that starts at {@code from}, or {@code limit}. */
  static int lineEnd(byte[] b, int from, int limit) {
    int lf = indexOf(b, from, limit, LF);
    return lf < 0 ? limit : lf;
  }

  private static int trimCr(byte[] b, int start, int end) {
    return end > start && b[end - 1] == CR ? end - 1 : end;
  }

  private static int trimWhite(byte[] b, int start, int end) {
    while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
      end--;
    }
    return end;
  }

  static int indexOf(byte[] b, int from, int limit, byte target) {
    for (int i = from; i < limit; i++) {
      if (b[i] == target) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWhite(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean startsWithIgnoreCase(byte[] b, int start, int end, String prefix) {
    return end - start >= prefix.length() && equalsIgnoreCase(b, start, start + prefix.length(), prefix);
  }

  private static boolean equalsIgnoreCase(byte[] b, int start, int end, String ascii) {
    if (end - start != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      int c = b[start + i];
      int e = ascii.charAt(i);
      if (c != e && ((c | 0x20) != (e | 0x20) || !Character.isLetter(e))) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] b, int start, int end) {
    return new String(b, start, Math.max(0, end - start), StandardCharsets.ISO_8859_1);
  }
}
