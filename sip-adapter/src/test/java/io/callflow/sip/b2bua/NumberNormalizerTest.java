package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NumberNormalizerTest {

  private static String normalize(NumberNormalizer normalizer, String userPart) {
    return normalizer.normalize(userPart).map(n -> n.digits()).orElse("none");
  }

  @Test
  void identityRemovesVisualSeparatorsOnly() {
    assertThat(normalize(NumberNormalizer.identity(), "+1-555-(123).4567")).isEqualTo("+15551234567");
  }

  @Test
  void stripsAnOutsideLinePrefix() {
    NumberNormalizer normalizer = new NumberNormalizer(List.of(new NumberRule.StripPrefix("9")));

    assertThat(normalize(normalizer, "902071234567")).isEqualTo("02071234567");
    assertThat(normalize(normalizer, "02071234567")).isEqualTo("02071234567");
  }

  @Test
  void addsTheCountryCodeToNationalNumbersOnly() {
    NumberNormalizer normalizer = new NumberNormalizer(List.of(new NumberRule.AddCountryCode("44", "0")));

    assertThat(normalize(normalizer, "02071234567")).isEqualTo("+442071234567");
    assertThat(normalize(normalizer, "+15551234567")).isEqualTo("+15551234567");
  }

  @Test
  void appliesRulesInOrder() {
    NumberNormalizer normalizer = new NumberNormalizer(List.of(
        new NumberRule.StripPrefix("9"), new NumberRule.RegexReplace("^00", "+"),
        new NumberRule.AddCountryCode("49", "0")));

    assertThat(normalize(normalizer, "90015551234567")).isEqualTo("+15551234567");
    assertThat(normalize(normalizer, "9030123456")).isEqualTo("+4930123456");
  }

  @Test
  void regexReplacementMayUseGroups() {
    NumberNormalizer normalizer = new NumberNormalizer(List.of(new NumberRule.RegexReplace("^0(\\d+)$", "+33$1")));

    assertThat(normalize(normalizer, "0142685300")).isEqualTo("+33142685300");
  }

  @Test
  void aRuleProducingSomethingThatIsNotANumberGivesNothing() {
    NumberNormalizer normalizer = new NumberNormalizer(List.of(new NumberRule.RegexReplace("^", "x")));

    assertThat(normalizer.normalize("0142685300")).isEmpty();
  }

  @Test
  void rejectsUserPartsThatAreNotNumbers() {
    assertThat(NumberNormalizer.identity().normalize("alice")).isEqualTo(Optional.empty());
    assertThat(NumberNormalizer.identity().normalize("*31#555")).isEmpty();
    assertThat(NumberNormalizer.identity().normalize("12")).isEmpty();
    assertThat(NumberNormalizer.identity().normalize(null)).isEmpty();
  }

  @Test
  void invalidRegexIsAConfigErrorNamingTheKey() {
    assertThatThrownBy(() -> new NumberRule.RegexReplace("(", "+"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.callback.rules.regex");
  }

  @Test
  void replacementReferringToAMissingGroupIsAConfigError() {
    assertThatThrownBy(() -> new NumberRule.RegexReplace("^0(\\d+)", "+33$2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b2bua.callback.rules.replacement").hasMessageContaining("it has 1");
  }

  @Test
  void countryCodeMustBeOneToThreeDigits() {
    assertThatThrownBy(() -> new NumberRule.AddCountryCode("0044", "0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.callback.rules.country-code");
    assertThatThrownBy(() -> new NumberRule.AddCountryCode("44", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.callback.rules.trunk-prefix");
  }

  @Test
  void stripPrefixMustBeDigits() {
    assertThatThrownBy(() -> new NumberRule.StripPrefix("abc"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.callback.rules.strip-prefix");
  }
}
