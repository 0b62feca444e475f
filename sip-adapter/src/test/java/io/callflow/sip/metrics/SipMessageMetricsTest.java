package io.callflow.sip.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipMessageMetricsTest {

  @Test
  void scrapeShowsRetransmissionsOnlyAndMessagesAreLeftToTheTransportMetrics() {
    SipMessageMetrics metrics = new SipMessageMetrics();
    metrics.retransmission();
    var registry = MetricsTestSupport.bound(metrics);
    metrics.retransmission();

    assertThat(registry.scrape()).isEqualTo("""
        # HELP callflow_sip_retransmissions_total SIP messages sent again by a transaction timer
        # TYPE callflow_sip_retransmissions_total counter
        callflow_sip_retransmissions_total 2.0
        """);
    assertThat(metrics.retransmissions()).isEqualTo(2);
  }
}
