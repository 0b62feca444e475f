package io.callflow.sip.b2bua.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransferTargetTest {

  @Test
  void blindReferToNameAddrGivesTheUriWithoutReplaces() {
    TransferTarget target = TransferTarget.parse("\"Sales\" <sip:sales@10.0.0.5:5070;transport=udp>;x=1").orElseThrow();

    assertThat(target.uri()).isEqualTo("sip:sales@10.0.0.5:5070;transport=udp");
    assertThat(target.replaces()).isEmpty();
    assertThat(target.hostPort()).contains("10.0.0.5:5070");
  }

  @Test
  void replacesUriHeaderIsUnescapedAndRemovedFromTheUri() {
    // RFC 3891 §3 / RFC 5589 §7.1 style Refer-To of an attended transfer.
    TransferTarget target = TransferTarget.parse(
        "<sip:dept@127.0.0.1:5070?Replaces=consult-1%40127.0.0.1%3Bto-tag%3Dabc%3Bfrom-tag%3Ddef>").orElseThrow();

    assertThat(target.uri()).isEqualTo("sip:dept@127.0.0.1:5070");
    assertThat(target.replaces()).contains("consult-1@127.0.0.1;to-tag=abc;from-tag=def");
  }

  @Test
  void plusInAnEscapedCallIdStaysAPlus() {
    TransferTarget target = TransferTarget.parse(
        "<sip:dept@example.com?Replaces=a+b%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>").orElseThrow();

    assertThat(target.replaces()).contains("a+b@h;to-tag=1;from-tag=2");
  }

  @Test
  void otherUriHeadersAreDroppedAndReplacesIsFoundAmongThem() {
    TransferTarget target = TransferTarget.parse(
        "<sip:dept@example.com?Subject=hi&replaces=x%3Bfrom-tag%3D2%3Bto-tag%3D1>").orElseThrow();

    assertThat(target.uri()).isEqualTo("sip:dept@example.com");
    assertThat(target.replaces()).contains("x;from-tag=2;to-tag=1");
  }

  @Test
  void telAndSipsTargetsAreAccepted() {
    assertThat(TransferTarget.parse("<tel:+15550100>").map(TransferTarget::scheme)).contains(TransferTarget.Scheme.TEL);
    assertThat(TransferTarget.parse("SIPS:dept@example.com").map(TransferTarget::scheme))
        .contains(TransferTarget.Scheme.SIPS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "<http://example.com/>", "mailto:a@b", "<sip:>", "<sip:user@>", "sales",
      "<sip:dept@h?Replaces=x%3Bto-tag%3D1>", "<sip:dept@h?Replaces=x%3Bto-tag%3D1%3Bfrom-tag%3D2%3Bto-tag%3D3>",
      "<sip:dept@h?Replaces=x%4>", "<sip:dept@h?Replaces=%ZZ>", "<sip:dept@h?Replaces>",
      "<sip:dept@h?Replaces=a%3Bto-tag%3D1%3Bfrom-tag%3D2&Replaces=b%3Bto-tag%3D1%3Bfrom-tag%3D2>",
      "<sip:a b@h>"})
  void malformedTargetsAreRefused(String text) {
    assertThat(TransferTarget.parse(text)).isEmpty();
  }

  @Test
  void nullTargetIsRefused() {
    assertThat(TransferTarget.parse(null)).isEqualTo(Optional.empty());
  }
}
