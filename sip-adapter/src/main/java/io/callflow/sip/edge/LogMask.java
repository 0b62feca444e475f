package io.callflow.sip.edge;

import io.callflow.core.model.PhoneNumber;

/**
 * Masks the user part of SIP, SIPS and tel URIs for logs (RFC 3261 §19.1.1, RFC 3966 §3),
 * leaving host and port readable: {@code sip:+4915112345678@host} becomes
 * {@code sip:+*********5678@host}. Any number of URIs inside a longer text (a header value, a
 * name-addr with display name) are masked; a URI without user part ({@code sip:10.0.0.1:5060})
 * keeps its host. Text outside the URIs' host parts (display names, parameters) passes through
 * {@link PhoneNumber#mask} too, since people put numbers there.
 */
public final class LogMask {

  private LogMask() {
  }

  /** {@code text} with every number in it masked but for its last four digits; safe on null. */
  public static String sipUri(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int start = nextUserPart(text, i);
      if (start < 0) {
        out.append(PhoneNumber.mask(text.substring(i)));
        break;
      }
      out.append(PhoneNumber.mask(text.substring(i, start)));
      int end = userPartEnd(text, start);
      boolean tel = text.regionMatches(true, start - 4, "tel:", 0, 4);
      if (!tel && (end >= text.length() || text.charAt(end) != '@')) {
        // sip:host[:port] has no user part: the digits are an address, keep them.
        out.append(text, start, end);
        i = end;
        continue;
      }
      out.append(PhoneNumber.mask(text.substring(start, end)));
      int hostEnd = hostEnd(text, end);
      out.append(text, end, hostEnd);
      i = hostEnd;
    }
    return out.toString();
  }

  /** Index just after the scheme of the next sip:, sips: or tel: URI from {@code from}, or -1. */
  private static int nextUserPart(String text, int from) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    int best = -1;
    for (String scheme : new String[] {"sip:", "sips:", "tel:"}) {
      int at = lower.indexOf(scheme, from);
      while (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
        at = lower.indexOf(scheme, at + 1);
      }
      if (at >= 0 && (best < 0 || at + scheme.length() < best)) {
        best = at + scheme.length();
      }
    }
    return best;
  }

  /** End of the user part: '@' for SIP URIs with one; ';', '>' or whitespace for tel and host-only. */
  private static int userPartEnd(String text, int start) {
    int end = start;
    while (end < text.length() && "@;>?, \t".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return end;
  }

  /** The host, port and parameters after the user part stay as they are (IP digits are no number). */
  private static int hostEnd(String text, int from) {
    if (from >= text.length() || text.charAt(from) != '@') {
      return from;
    }
    int end = from;
    while (end < text.length() && ";>?, \t".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return end;
  }
}
