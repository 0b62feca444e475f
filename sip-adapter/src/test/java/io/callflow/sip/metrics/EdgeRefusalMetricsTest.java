package io.callflow.sip.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.edge.AllowList;
import io.callflow.sip.edge.EdgePolicy;
import io.callflow.sip.edge.EdgeSettings;
import io.callflow.sip.edge.RateLimitSettings;
import io.callflow.sip.edge.RefusalMode;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeRefusalMetricsTest {

  @Test
  void scrapeShowsRefusalsByReason() {
    EdgePolicy policy = new EdgePolicy(new EdgeSettings(new AllowList(List.of()),
        AllowList.parse("sip.edge.phones", List.of("127.0.0.0/8")),
        EdgeSettings.DEFAULT_PHONE_METHODS, RefusalMode.REFUSE_403,
        RateLimitSettings.defaults()), new ManualScheduler().clock());
    var registry = MetricsTestSupport.bound(new EdgeRefusalMetrics(policy.refusals()));
    policy.check(new InetSocketAddress("192.0.2.1", 5060), "INVITE", false);
    policy.check(new InetSocketAddress("127.0.0.1", 5060), "REFER", false);
    policy.check(new InetSocketAddress("127.0.0.1", 5060), "REFER", false);

    assertThat(registry.scrape()).isEqualTo("""
        # HELP callflow_sip_refused_requests_total Requests refused at the edge before any transaction
        # TYPE callflow_sip_refused_requests_total counter
        callflow_sip_refused_requests_total{reason="method_not_allowed"} 2.0
        callflow_sip_refused_requests_total{reason="rate_limited"} 0.0
        callflow_sip_refused_requests_total{reason="source_not_allowed"} 1.0
        """);
  }
}
