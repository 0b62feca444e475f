package io.callflow.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskTest {

  @Test
  void userPartOfASipUriIsMaskedButTheHostIsKept() {
    assertThat(LogMask.sipUri("sip:+4915112345678@host")).isEqualTo("sip:+*********5678@host");
    assertThat(LogMask.sipUri("sips:015112345678@10.0.0.1:5061;transport=tls"))
        .isEqualTo("sips:********5678@10.0.0.1:5061;transport=tls");
  }

  @Test
  void nameAddrWithDisplayNumberHasBothMasked() {
    assertThat(LogMask.sipUri("\"+49 151 12345678\" <sip:+4915112345678@pbx.example.com>;tag=ab"))
        .isEqualTo("\"+** *** ****5678\" <sip:+*********5678@pbx.example.com>;tag=ab");
  }

  @Test
  void telUriIsMaskedUpToItsParameters() {
    assertThat(LogMask.sipUri("tel:+4915112345678;phone-context=example.com"))
        .isEqualTo("tel:+*********5678;phone-context=example.com");
  }

  @Test
  void uriWithoutUserPartKeepsItsAddress() {
    assertThat(LogMask.sipUri("sip:192.0.2.10:5060")).isEqualTo("sip:192.0.2.10:5060");
  }

  @Test
  void shortExtensionIsLeftAsIs() {
    assertThat(LogMask.sipUri("sip:1234@pbx")).isEqualTo("sip:1234@pbx");
  }

  @Test
  void severalUrisInOneTextAreAllMasked() {
    assertThat(LogMask.sipUri("from sip:0301234567@a to SIP:0409876543@b"))
        .isEqualTo("from sip:******4567@a to SIP:******6543@b");
  }

  @Test
  void nullIsSafe() {
    assertThat(LogMask.sipUri(null)).isEqualTo("null");
  }
}
