package io.callflow.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real stack's receive path over UDP on 127.0.0.1: edge check and required headers before any transaction. */
class SipStackReceivePathTest {

  @Test
  void aSourceOnNoAllowListGets403AndTheRefusalIsExported() throws Exception {
    StackScrape.Result result = StackScrape.exchange(List.of("192.0.2.0/24"), "");

    assertThat(result.answer().statusCode()).isEqualTo(403);
    assertThat(result.scrape())
        .contains("callflow_sip_refused_requests_total{reason=\"source_not_allowed\"} 1.0")
        .contains("callflow_sip_messages_total{direction=\"out\",method=\"OPTIONS\",status_class=\"4xx\"} 1.0");
  }

  @Test
  void aTrunkRequestWithoutMaxForwardsGets400NamingIt() throws Exception {
    StackScrape.Result result = StackScrape.exchange(List.of("127.0.0.1/32"), "Max-Forwards");

    assertThat(result.answer().statusCode()).isEqualTo(400);
    assertThat(result.answer().reasonPhrase()).isEqualTo("Bad Request (missing Max-Forwards)");
  }
}
