package io.callflow.core.model;

import java.util.Objects;

/**
 * A dialable number: an optional leading '+', then 3 to 20 digits (visual separators
 * space, '-', '.', '(' and ')' are removed). Its {@link #toString()} is masked, so a number
 * can never reach a log line whole by accident; {@link #digits()} gives the real value to
 * the code that dials it.
 */
public final class PhoneNumber {

  private static final int MIN_DIGITS = 3;
  /** ITU-T E.164 allows 15 digits; internal dial plans add prefixes, so allow a little more. */
  private static final int MAX_DIGITS = 20;

  private final String value;

  private PhoneNumber(String value) {
    this.value = value;
  }

  /** Parses {@code raw}, or throws {@link IllegalArgumentException} saying what is wrong (masked). */
  public static PhoneNumber parse(String raw) {
    Objects.requireNonNull(raw, "phone number");
    StringBuilder digits = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.length() == 0 && (i == 0 || raw.substring(0, i).isBlank())) {
        digits.append(c);
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        throw new IllegalArgumentException(
            "malformed phone number " + mask(raw) + ": unexpected character at position " + i);
      }
    }
    boolean international = digits.length() > 0 && digits.charAt(0) == '+';
    int count = international ? digits.length() - 1 : digits.length();
    if (count < MIN_DIGITS || count > MAX_DIGITS) {
      throw new IllegalArgumentException("malformed phone number " + mask(raw) + ": " + count
          + " digits, expected " + MIN_DIGITS + " to " + MAX_DIGITS);
    }
    return new PhoneNumber(digits.toString());
  }

  /** The full number, for dialling only; never log it. */
  public String digits() {
    return value;
  }

  /** The number with all but its last four digits replaced by '*'. */
  public String masked() {
    return mask(value);
  }

  /**
   * Masks every digit of {@code text} except the last four, leaving other characters alone.
   * Text with four digits or fewer is returned as it is. Safe on null.
   */
  public static String mask(String text) {
    if (text == null) {
      return "null";
    }
    int digitCount = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        digitCount++;
      }
    }
    int toMask = digitCount - 4;
    if (toMask <= 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c) && toMask > 0) {
        out.append('*');
        toMask--;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PhoneNumber number && number.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }
}
