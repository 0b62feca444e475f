package io.callflow.sip.b2bua;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lexical helpers for SIP header values (RFC 3261 §25.1): splitting at separators that are
 * outside quoted strings and angle brackets, unquoting, and the token and digit rules.
 * Every method is total: malformed text gives an empty result, never an exception.
 */
final class HeaderText {

  /** RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"). */
  private static final String TOKEN_MARKS = "-.!%*_+`'~";

  private HeaderText() {}

  /**
   * Splits {@code text} at {@code separator} where it is outside a quoted string and outside
   * {@code <...>}; parts are trimmed. An unterminated quote or bracket makes the whole text
   * malformed: empty result.
   */
  static Optional<List<String>> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean bracketed = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        current.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          current.append(text.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"' && !bracketed) {
        quoted = true;
        current.append(c);
      } else if (c == '<') {
        bracketed = true;
        current.append(c);
      } else if (c == '>') {
        bracketed = false;
        current.append(c);
      } else if (c == separator && !bracketed) {
        parts.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted || bracketed) {
      return Optional.empty();
    }
    parts.add(current.toString().trim());
    return Optional.of(parts);
  }

  /** The value of {@code "..."} with backslash escapes resolved (RFC 3261 quoted-pair); empty when not a quoted string. */
  static Optional<String> unquote(String text) {
    if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 >= text.length() - 1) {
          return Optional.empty();
        }
        c = text.charAt(++i);
      } else if (c == '"') {
        return Optional.empty();
      }
      out.append(c);
    }
    return Optional.of(out.toString());
  }

  /** True when {@code text} is a non-empty RFC 3261 token. */
  static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && TOKEN_MARKS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code 1*DIGIT} as a number, capped at {@code maxDigits} digits so it cannot overflow;
   * empty when not all digits or too long.
   */
  static OptionalLong digits(String text, int maxDigits) {
    return isDigits(text, maxDigits) ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
  }

  /**
   * True for 1 to {@code maxDigits} ASCII digits ({@code 1*DIGIT}), without parsing them: SDP
   * versions (RFC 4566 §5.2) may be longer than a long holds.
   */
  static boolean isDigits(String text, int maxDigits) {
    if (text.isEmpty() || text.length() > maxDigits) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code delta-seconds *(SEMI param)} (RFC 3261 §25.1), the shape of Session-Expires and
   * Min-SE; empty when malformed. Delta is limited to {@code maxDigits} digits.
   */
  static Optional<DeltaSeconds> deltaSeconds(String headerValue, int maxDigits) {
    if (headerValue == null) {
      return Optional.empty();
    }
    Optional<List<String>> parts = split(headerValue, ';');
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong delta = digits(parts.get().get(0), maxDigits);
    if (delta.isEmpty()) {
      return Optional.empty();
    }
    List<Param> params = new ArrayList<>();
    for (String part : parts.get().subList(1, parts.get().size())) {
      Param param = Param.of(part);
      if (!isToken(param.name())) {
        return Optional.empty();
      }
      params.add(param);
    }
    return Optional.of(new DeltaSeconds(delta.getAsLong(), List.copyOf(params)));
  }

  /** A delta-seconds header value with its parameters. */
  record DeltaSeconds(long seconds, List<Param> params) {}

  /** A {@code name[=value]} parameter split at its first '=', both sides trimmed. */
  record Param(String name, String value) {
    static Param of(String text) {
      int eq = text.indexOf('=');
      return eq < 0
          ? new Param(text.trim(), "")
          : new Param(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }
  }
}
