package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.PhoneNumber;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackTargetTest {

  private static final String FROM = "\"Alice\" <sip:+442071234567@pbx.example.com;user=phone>;tag=a73kszlfl";

  private static String digits(Optional<CallbackTarget> target) {
    return target.map(t -> t.number().digits()).orElse("none");
  }

  @Test
  void takesTheNumberFromFromWhenThereIsNoAssertedIdentity() {
    assertThat(digits(CallbackTarget.from(null, FROM, null))).isEqualTo("+442071234567");
  }

  @Test
  void prefersTheAssertedIdentityOverFrom() {
    String pai = "<sip:+442079876543@pbx.example.com;user=phone>";

    assertThat(digits(CallbackTarget.from(pai, FROM, null))).isEqualTo("+442079876543");
  }

  @Test
  void usesTheTelUriWhenTheSipIdentityHasNoNumber() {
    String pai = "\"Alice\" <sip:alice@pbx.example.com>, <tel:+44-20-7946-0000>";

    assertThat(digits(CallbackTarget.from(pai, FROM, null))).isEqualTo("+442079460000");
  }

  @Test
  void readsAddrSpecWithoutBracketsAndIgnoresHeaderParameters() {
    assertThat(digits(CallbackTarget.from(null, "sip:0201234567@10.0.0.1;tag=1928", null)))
        .isEqualTo("0201234567");
  }

  @Test
  void decodesEscapedPlusInTheUserPart() {
    assertThat(digits(CallbackTarget.from(null, "<sip:%2B15551234567@pbx.example.com>;tag=1", null)))
        .isEqualTo("+15551234567");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "ID", "header;id", "user", "header", "id;critical"})
  void isWithheldWhenPrivacyAsksForIt(String privacy) {
    assertThat(CallbackTarget.from("<tel:+15551234567>", FROM, privacy)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "session", ""})
  void privacyThatDoesNotHideIdentityKeepsTheNumber(String privacy) {
    assertThat(CallbackTarget.from(null, FROM, privacy)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=1",
      "\"anonymous\" <sip:+15551234567@pbx.example.com>;tag=1",
      "<sip:anonymous@pbx.example.com>;tag=1",
      "<sip:+15551234567@anonymous.invalid>;tag=1"})
  void isWithheldWhenFromIsAnonymousEvenWithAnAssertedIdentity(String from) {
    assertThat(CallbackTarget.from("<tel:+15551234567>", from, null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<sip:alice@pbx.example.com>;tag=1", "<sip:pbx.example.com>", "garbage", "<sip:12@x>",
      "<sip:+1555abc@pbx.example.com>", "<http://example.com>", "<sip:1%ZZ5@x>"})
  void givesNothingWhenThereIsNoUsableNumber(String from) {
    assertThat(CallbackTarget.from(null, from, null)).isEmpty();
  }

  @Test
  void givesNothingWhenNoHeaderIsThere() {
    assertThat(CallbackTarget.from(null, null, null)).isEmpty();
  }

  @Test
  void appliesTheNormalizer() {
    NumberNormalizer national = new NumberNormalizer(List.of(new NumberRule.AddCountryCode("44", "0")));

    assertThat(digits(CallbackTarget.from(null, "<sip:02071234567@pbx>;tag=1", null, national)))
        .isEqualTo("+442071234567");
  }

  @Test
  void printsMasked() {
    CallbackTarget target = CallbackTarget.from(null, FROM, null).orElseThrow();

    assertThat(target.toString()).doesNotContain("2071234567").contains("4567");
    assertThat(target.number()).isEqualTo(PhoneNumber.parse("+442071234567"));
  }
}
