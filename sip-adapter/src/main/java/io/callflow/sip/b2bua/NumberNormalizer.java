package io.callflow.sip.b2bua;

import io.callflow.core.model.PhoneNumber;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the user part of a caller's URI into a dialable {@link PhoneNumber} by the configured
 * {@link NumberRule}s, in order (config {@code b2bua.callback.rules}; none by default).
 * Visual separators ({@code -}, {@code .}, {@code (}, {@code )}, RFC 3966 §5.1.1) are removed
 * first; a user part with anything else in it (letters, {@code *}, {@code #}) is not a number
 * and gives empty, as does a result that is not a valid {@link PhoneNumber}. Thread-safe.
 */
public final class NumberNormalizer {

  /** What a rule's result must be: a number to dial, an optional + then digits (compiled once, not per call). */
  private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9]+");

  private final List<NumberRule> rules;

  public NumberNormalizer(List<NumberRule> rules) {
    this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
  }

  /** No rules: the number as received, separators removed. */
  public static NumberNormalizer identity() {
    return new NumberNormalizer(List.of());
  }

  public Optional<PhoneNumber> normalize(String userPart) {
    if (userPart == null) {
      return Optional.empty();
    }
    StringBuilder number = new StringBuilder(userPart.length());
    for (int i = 0; i < userPart.length(); i++) {
      char c = userPart.charAt(i);
      if ((c >= '0' && c <= '9') || (c == '+' && number.length() == 0)) {
        number.append(c);
      } else if ("-.()".indexOf(c) < 0) {
        return Optional.empty();
      }
    }
    String result = number.toString();
    for (NumberRule rule : rules) {
      result = rule.apply(result);
    }
    if (!DIALABLE.matcher(result).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PhoneNumber.parse(result));
    } catch (IllegalArgumentException tooShortOrLong) {
      return Optional.empty();
    }
  }
}
