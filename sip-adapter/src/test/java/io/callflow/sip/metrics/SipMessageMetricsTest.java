package io.callflow.sip.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.metrics.SipMessageMetrics.Direction;
import org.junit.jupiter.api.Test;

class SipMessageMetricsTest {

  @Test
  void scrapeCountsMessagesByDirectionMethodAndStatusClassIncludingThoseBeforeBinding() {
    SipMessageMetrics metrics = new SipMessageMetrics();
    metrics.request(Direction.IN, "INVITE");
    var registry = MetricsTestSupport.bound(metrics);
    metrics.response(Direction.OUT, "INVITE", 180);
    metrics.response(Direction.OUT, "INVITE", 200);
    metrics.response(Direction.OUT, "invite", 200);
    metrics.request(Direction.OUT, "FOOBAR");
    metrics.retransmission();

    assertThat(registry.scrape()).isEqualTo("""
        # HELP callflow_sip_messages_total SIP messages sent and received
        # TYPE callflow_sip_messages_total counter
        callflow_sip_messages_total{direction="in",method="INVITE",status_class="none"} 1.0
        callflow_sip_messages_total{direction="out",method="INVITE",status_class="1xx"} 1.0
        callflow_sip_messages_total{direction="out",method="INVITE",status_class="2xx"} 2.0
        callflow_sip_messages_total{direction="out",method="other",status_class="none"} 1.0
        # HELP callflow_sip_retransmissions_total SIP messages sent again by a transaction timer
        # TYPE callflow_sip_retransmissions_total counter
        callflow_sip_retransmissions_total 1.0
        """);
  }
}
