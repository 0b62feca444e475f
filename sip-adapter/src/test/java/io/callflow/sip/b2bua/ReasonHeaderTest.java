package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReasonHeaderTest {

  @Test
  void parsesQ850CauseAndQuotedText() {
    assertThat(ReasonHeader.parse("Q.850;cause=16;text=\"Terminated\""))
        .containsExactly(new ReasonValue("Q.850", OptionalInt.of(16), Optional.of("Terminated")));
  }

  @Test
  void parsesSeveralValuesInOneHeaderWithCommaInsideQuotedText() {
    List<ReasonValue> values = ReasonHeader.parse(
        "SIP ;cause=200 ;text=\"Call completed, elsewhere\", Q.850 ; cause = 31");

    assertThat(values).containsExactly(
        new ReasonValue("SIP", OptionalInt.of(200), Optional.of("Call completed, elsewhere")),
        new ReasonValue("Q.850", OptionalInt.of(31), Optional.empty()));
  }

  @Test
  void joinsValuesOfSeveralHeadersInOrder() {
    List<ReasonValue> values = ReasonHeader.parse(List.of("SIP;cause=408", "Q.850;cause=102"));

    assertThat(values).extracting(ReasonValue::protocol).containsExactly("SIP", "Q.850");
  }

  @Test
  void unescapesQuotedPairsInText() {
    assertThat(ReasonHeader.parse("Q.850;cause=41;text=\"say \\\"hi\\\"\"").get(0).text())
        .contains("say \"hi\"");
  }

  @Test
  void protocolIsMatchedCaseInsensitively() {
    ReasonValue value = ReasonHeader.parse("q.850;CAUSE=27").get(0);

    assertThat(value.isQ850()).isTrue();
    assertThat(value.cause()).hasValue(27);
  }

  @Test
  void keepsUnknownProtocolsAndExtensionParameters() {
    ReasonValue value = ReasonHeader.parse("preemption;cause=1;text=\"UA Preemption\";x-foo=bar").get(0);

    assertThat(value.isQ850()).isFalse();
    assertThat(value.isSip()).isFalse();
    assertThat(value.cause()).hasValue(1);
  }

  @Test
  void skipsTheMalformedValueAndKeepsTheWellFormedOne() {
    assertThat(ReasonHeader.parse("Q.850;cause=abc, Q.850;cause=16"))
        .containsExactly(new ReasonValue("Q.850", OptionalInt.of(16), Optional.empty()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ";cause=16", "Q.850;cause=", "Q.850;cause=16;cause=17",
      "Q.850;cause=9999999999999", "Q.850;text=\"unterminated", "Q 850;cause=16", "<Q.850>;cause=16"})
  void givesNoReasonForBadInput(String header) {
    assertThat(ReasonHeader.parse(header)).isEmpty();
  }

  @Test
  void givesNoReasonForNullHeader() {
    assertThat(ReasonHeader.parse((String) null)).isEmpty();
  }

  @Test
  void valueWithoutCauseIsKept() {
    assertThat(ReasonHeader.parse("SIP;text=\"no cause\"").get(0).cause()).isEmpty();
  }

  @Test
  void formattedValueParsesBackToTheSameValue() {
    ReasonValue value = ReasonValue.q850(16, "Normal \"clearing\", \\ by agent\r\n");

    assertThat(value.headerValue()).isEqualTo("Q.850;cause=16;text=\"Normal \\\"clearing\\\", \\\\ by agent\"");
    assertThat(ReasonHeader.parse(value.headerValue()))
        .containsExactly(ReasonValue.q850(16, "Normal \"clearing\", \\ by agent"));
  }

  @Test
  void formatsWithoutOptionalParts() {
    assertThat(new ReasonValue("SIP", OptionalInt.empty(), Optional.empty()).headerValue()).isEqualTo("SIP");
  }
}
