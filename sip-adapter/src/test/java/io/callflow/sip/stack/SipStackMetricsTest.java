package io.callflow.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SipStackMetricsTest {

  @Test
  void theWholeStackExportsEachSipMeterFamilyExactlyOnceAndCountsAnOptionsExchange() throws Exception {
    StackScrape.Result result = StackScrape.afterOneOptions();

    assertThat(result.answer().statusCode()).isEqualTo(200);
    List<String> families = result.scrape().lines()
        .filter(line -> line.startsWith("# TYPE callflow_sip_"))
        .map(line -> line.split(" ")[2])
        .toList();
    assertThat(families).doesNotHaveDuplicates().containsExactlyInAnyOrder(
        "callflow_sip_messages_total",
        "callflow_sip_parse_failures_total",
        "callflow_sip_keepalives_total",
        "callflow_sip_retransmissions_total",
        "callflow_sip_refused_requests_total",
        "callflow_sip_transaction_timeouts_total",
        "callflow_sip_active_transactions",
        "callflow_sip_active_dialogs");
    assertThat(result.scrape())
        .contains("callflow_sip_messages_total{direction=\"in\",method=\"OPTIONS\",status_class=\"none\"} 1.0")
        .contains("callflow_sip_messages_total{direction=\"out\",method=\"OPTIONS\",status_class=\"2xx\"} 1.0");
  }
}
