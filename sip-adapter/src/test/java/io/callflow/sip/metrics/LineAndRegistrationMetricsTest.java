package io.callflow.sip.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.ua.KeepAliveSettings;
import io.callflow.sip.ua.Peer;
import io.callflow.sip.ua.PeerLineMonitor;
import io.callflow.sip.ua.ProbeResult;
import io.callflow.sip.ua.RegisterClient;
import io.callflow.sip.ua.RegisterOutcome;
import io.callflow.sip.ua.RegistrationSettings;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineAndRegistrationMetricsTest {

  private final ManualScheduler scheduler = new ManualScheduler();

  @Test
  void lineUpIsOneForAnAnsweringPeerAndZeroForASilentOne() {
    Peer answering = new Peer("pbx1", new InetSocketAddress("192.0.2.10", 5060), "sip:192.0.2.10");
    Peer silent = new Peer("pbx2", new InetSocketAddress("192.0.2.11", 5060), "sip:192.0.2.11");
    PeerLineMonitor monitor = new PeerLineMonitor(List.of(answering, silent),
        KeepAliveSettings.defaults(), (peer, result) -> {
          if (peer.equals(answering)) {
            result.accept(new ProbeResult.Answered(200));
          }
        }, scheduler, change -> { });
    var registry = MetricsTestSupport.bound(new LineStateMetrics(monitor));
    monitor.start();

    assertThat(registry.scrape()).isEqualTo("""
        # HELP callflow_line_up Whether the peer answers OPTIONS keep-alives (1) or not (0)
        # TYPE callflow_line_up gauge
        callflow_line_up{line="pbx1"} 1.0
        callflow_line_up{line="pbx2"} 0.0
        """);
  }

  @Test
  void registrationUpFollowsTheClientState() {
    RegisterClient client = new RegisterClient(RegistrationSettings.of("pbx1", "sip:pbx",
        "sip:a@pbx", "sip:a@127.0.0.1", "a", "PW"), name -> Optional.of("pw"),
        (request, outcome) -> outcome.accept(RegisterOutcome.Response.of(200)), scheduler,
        (name, from, to, detail) -> { }, () -> 0L);
    var registry = MetricsTestSupport.bound(new RegistrationMetrics(List.of(client)));
    assertThat(registry.scrape()).contains("callflow_registration_up{registration=\"pbx1\"} 0.0");
    client.start();
    assertThat(registry.scrape()).isEqualTo("""
        # HELP callflow_registration_up Whether the registrar holds our binding (1) or not (0)
        # TYPE callflow_registration_up gauge
        callflow_registration_up{registration="pbx1"} 1.0
        """);
  }
}
