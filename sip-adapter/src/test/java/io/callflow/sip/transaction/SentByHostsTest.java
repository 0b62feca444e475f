package io.callflow.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentByHostsTest {

  @Test
  void equalHostsFromDifferentRequestsShareOneString() {
    String first = SentByHosts.shared(new String("pbx.test.invalid"));
    String second = SentByHosts.shared(new String("pbx.test.invalid"));
    assertThat(second).isSameAs(first);
  }

  @Test
  void keysOfOneTransactionStayEqualWhicheverStringTheirHostCameIn() {
    ServerKey a = new ServerKey.Rfc3261("z9hG4bK1", SentByHosts.shared(new String("10.0.0.1")), 5060, "INVITE");
    ServerKey b = new ServerKey.Rfc3261("z9hG4bK1", new String("10.0.0.1"), 5060, "INVITE");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }
}
