package io.callflow.sip.b2bua.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferNotifyTest {

  @Test
  void firstNotifyIsTryingWithAnActiveSubscription() {
    ReferNotify notify = ReferNotify.trying(3);

    assertThat(notify.body()).isEqualTo("SIP/2.0 100 Trying\r\n");
    assertThat(notify.headers()).containsExactly(Map.entry("Event", "refer;id=3"),
        Map.entry("Subscription-State", "active;expires=60"));
    assertThat(ReferNotify.CONTENT_TYPE).isEqualTo("message/sipfrag;version=2.0");
  }

  @Test
  void finalNotifyCarriesTheStatusLineAndEndsTheSubscription() {
    ReferNotify notify = ReferNotify.finalStatus(7, 200);

    assertThat(new String(notify.bodyBytes(), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("SIP/2.0 200 OK\r\n");
    assertThat(notify.headers()).containsEntry("Event", "refer;id=7")
        .containsEntry("Subscription-State", "terminated;reason=noresource");
  }

  @Test
  void failedTransferNotifiesTheTargetsStatus() {
    assertThat(ReferNotify.finalStatus(2, 486).body()).isEqualTo("SIP/2.0 486 Busy Here\r\n");
    assertThat(ReferNotify.finalStatus(2, 488).body()).isEqualTo("SIP/2.0 488 Not Acceptable Here\r\n");
    assertThat(ReferNotify.finalStatus(2, 599).body()).as("unknown status: empty reason phrase")
        .isEqualTo("SIP/2.0 599 \r\n");
  }
}
