package io.callflow.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.nist.javax.sip.header.SIPHeader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepeatedHeadersTest {

  private static final String CONTACT = "<sip:b2bua@192.0.2.5:5060>";

  @Test
  void aRepeatedValueIsParsedOnceAndItsHeaderSharedWhileOtherNamesAreParsedEachTime() {
    SipResponse first = MessageCopiesTest.ok().withHeader("Contact", CONTACT).withHeader("X-Trace", "two");
    SipResponse second = MessageCopiesTest.ok().withHeader("Contact", CONTACT).withHeader("X-Trace", "two");

    assertThat(element(second, "Contact")).isSameAs(element(first, "Contact"));
    assertThat(element(second, "X-Trace")).isNotSameAs(element(first, "X-Trace"));
    assertThat(second.encode()).isEqualTo(first.encode());
    assertThat(new String(first.encode(), StandardCharsets.US_ASCII))
        .contains("Contact: " + CONTACT + "\r\n");
  }

  @Test
  void editingOneMessageWithASharedHeaderLeavesTheOtherAlone() {
    SipResponse kept = MessageCopiesTest.ok().withHeader("Contact", CONTACT);
    byte[] before = kept.encode();
    SipResponse edited = MessageCopiesTest.ok().withHeader("Contact", CONTACT);

    edited.withHeader("Contact", "<sip:other@192.0.2.6>").withAddedHeader("Contact", CONTACT)
        .withoutHeader("Contact").withTopHeader("Contact", CONTACT);

    assertThat(kept.encode()).isEqualTo(before);
  }

  @Test
  void anInvalidValueIsRefusedEveryTimeAndNotKept() {
    int before = RepeatedHeaders.size();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> MessageCopiesTest.ok().withHeader("Session-Expires", "soon"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Session-Expires");
    }
    assertThat(RepeatedHeaders.size()).isLessThanOrEqualTo(before);
  }

  @Test
  void theTableStaysBoundedWhenValuesKeepChanging() {
    for (int i = 0; i < RepeatedHeaders.MAX_VALUES * 2 + 3; i++) {
      MessageCopiesTest.ok().withHeader("Contact", "<sip:agent" + i + "@192.0.2.7>;expires=3600");
      assertThat(RepeatedHeaders.size()).isLessThanOrEqualTo(RepeatedHeaders.MAX_VALUES);
    }
  }

  /** The first header named {@code name} (jain-sip answers a list's first element). */
  private static SIPHeader element(SipMessage message, String name) {
    return (SIPHeader) message.raw().getHeader(name);
  }
}
