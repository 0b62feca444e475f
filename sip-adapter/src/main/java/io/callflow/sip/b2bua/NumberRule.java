package io.callflow.sip.b2bua;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One step of turning a received caller number into the number to call back (config
 * {@code b2bua.callback.rules}, applied in order). Each rule checks its settings when built
 * and throws {@link IllegalArgumentException} naming the setting and what is allowed.
 */
public sealed interface NumberRule {

  /** Applies the rule to a number made of an optional '+' and digits. */
  String apply(String number);

  /** Removes {@code prefix} when the number starts with it, e.g. the trunk's outside-line "9". */
  record StripPrefix(String prefix) implements NumberRule {
    public StripPrefix {
      requireDialable("strip-prefix", prefix);
    }

    @Override
    public String apply(String number) {
      return number.startsWith(prefix) ? number.substring(prefix.length()) : number;
    }
  }

  /**
   * Turns a national number into an international one: drops the national trunk prefix
   * {@code trunkPrefix} (may be empty) and puts '+' and {@code countryCode} (1 to 3 digits,
   * ITU-T E.164 §6.2.1) in front. A number already starting with '+' is left alone.
   */
  record AddCountryCode(String countryCode, String trunkPrefix) implements NumberRule {
    public AddCountryCode {
      Objects.requireNonNull(countryCode, "countryCode");
      Objects.requireNonNull(trunkPrefix, "trunkPrefix");
      if (!countryCode.matches("[1-9][0-9]{0,2}")) {
        throw new IllegalArgumentException("b2bua.callback.rules.country-code: '" + countryCode
            + "' is not a country code; use 1 to 3 digits not starting with 0");
      }
      if (!trunkPrefix.matches("[0-9]{0,4}")) {
        throw new IllegalArgumentException("b2bua.callback.rules.trunk-prefix: '" + trunkPrefix
            + "' is not a trunk prefix; use 0 to 4 digits");
      }
    }

    @Override
    public String apply(String number) {
      if (number.startsWith("+")) {
        return number;
      }
      String national = number.startsWith(trunkPrefix) ? number.substring(trunkPrefix.length()) : number;
      return "+" + countryCode + national;
    }
  }

  /**
   * Replaces the first match of {@code regex} with {@code replacement} ({@code $1} group
   * references allowed), e.g. {@code ^00} → {@code +}.
   */
  record RegexReplace(String regex, String replacement) implements NumberRule {
    public RegexReplace {
      Objects.requireNonNull(regex, "regex");
      Objects.requireNonNull(replacement, "replacement");
      Pattern pattern;
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("b2bua.callback.rules.regex: '" + regex
            + "' is not a valid regular expression: " + e.getDescription(), e);
      }
      try {
        // Resolves every group reference once, so a bad one fails here and not on a call: the
        // empty alternative always matches, and the non-capturing wrapper keeps group numbers.
        Matcher probe = Pattern.compile("(?:" + regex + ")|").matcher("");
        probe.find();
        probe.appendReplacement(new StringBuilder(), replacement);
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new IllegalArgumentException("b2bua.callback.rules.replacement: '" + replacement
            + "' refers to a group the regex does not have (it has " + pattern.matcher("").groupCount()
            + ")", e);
      }
    }

    @Override
    public String apply(String number) {
      return Pattern.compile(regex).matcher(number).replaceFirst(replacement);
    }
  }

  private static void requireDialable(String key, String value) {
    Objects.requireNonNull(value, key);
    if (!value.matches("\\+?[0-9]{1,10}")) {
      throw new IllegalArgumentException("b2bua.callback.rules." + key + ": '" + value
          + "' must be 1 to 10 digits, optionally after '+'");
    }
  }
}
