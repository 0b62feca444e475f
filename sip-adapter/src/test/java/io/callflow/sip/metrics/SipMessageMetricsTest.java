package io.callflow.sip.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.metrics.SipMessageMetrics.Direction;
import org.junit.jupiter.api.Test;

class SipMessageMetricsTest {

  @Test
  void scrapeShowsRetransmissionsOnlyAndMessagesAreLeftToTheTransportMetrics() {
    SipMessageMetrics metrics = new SipMessageMetrics();
    metrics.retransmission();
    var registry = MetricsTestSupport.bound(metrics);
    metrics.retransmission();
    metrics.request(Direction.IN, "INVITE");
    metrics.response(Direction.OUT, "INVITE", 200);

    assertThat(registry.scrape()).isEqualTo("""
        # HELP callflow_sip_retransmissions_total SIP messages sent again by a transaction timer
        # TYPE callflow_sip_retransmissions_total counter
        callflow_sip_retransmissions_total 2.0
        """);
    assertThat(metrics.retransmissions()).isEqualTo(2);
  }
}
