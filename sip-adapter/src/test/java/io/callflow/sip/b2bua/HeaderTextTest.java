package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderTextTest {

  @Test
  void splitsOnlyOutsideQuotesAndAngleBrackets() {
    assertThat(HeaderText.split("\"Doe, J\" <sip:a@b;x=1,2>, <tel:+1>", ',').orElseThrow())
        .containsExactly("\"Doe, J\" <sip:a@b;x=1,2>", "<tel:+1>");
  }

  @Test
  void escapedQuoteDoesNotEndAQuotedString() {
    assertThat(HeaderText.split("\"a\\\",b\";c", ';').orElseThrow()).containsExactly("\"a\\\",b\"", "c");
  }

  @Test
  void unterminatedQuoteOrBracketIsMalformed() {
    assertThat(HeaderText.split("\"abc;d", ';')).isEmpty();
    assertThat(HeaderText.split("<sip:a@b;d", ';')).isEmpty();
  }

  @Test
  void unquoteResolvesEscapesAndRejectsStrayQuotes() {
    assertThat(HeaderText.unquote("\"a\\\\b\"")).contains("a\\b");
    assertThat(HeaderText.unquote("\"a\"b\"")).isEmpty();
    assertThat(HeaderText.unquote("abc")).isEmpty();
  }

  @Test
  void tokenAndDigitRules() {
    assertThat(HeaderText.isToken("Q.850")).isTrue();
    assertThat(HeaderText.isToken("a b")).isFalse();
    assertThat(HeaderText.digits("0042", 4)).hasValue(42);
    assertThat(HeaderText.digits("12345", 4)).isEmpty();
    assertThat(HeaderText.digits("4x", 4)).isEmpty();
  }

  @Test
  void deltaSecondsKeepsItsParameters() {
    assertThat(HeaderText.deltaSeconds("1800;refresher=uac", 10).orElseThrow().params())
        .isEqualTo(List.of(new HeaderText.Param("refresher", "uac")));
  }
}
