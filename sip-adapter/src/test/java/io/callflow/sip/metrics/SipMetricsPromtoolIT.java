package io.callflow.sip.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.edge.AllowList;
import io.callflow.sip.edge.EdgePolicy;
import io.callflow.sip.edge.EdgeSettings;
import io.callflow.sip.edge.RateLimitSettings;
import io.callflow.sip.edge.RefusalMode;
import io.callflow.sip.ua.KeepAliveSettings;
import io.callflow.sip.ua.Peer;
import io.callflow.sip.ua.PeerLineMonitor;
import io.callflow.sip.ua.RegisterClient;
import io.callflow.sip.ua.RegisterOutcome;
import io.callflow.sip.ua.RegistrationSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every SIP-side meter, scraped together, passes {@code promtool check metrics} without a word. */
class SipMetricsPromtoolIT {

  @Test
  void scrapeOfAllSipBindersPassesPromtoolSilently() throws Exception {
    ManualScheduler scheduler = new ManualScheduler();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EdgePolicy policy = new EdgePolicy(new EdgeSettings(new AllowList(List.of()),
        new AllowList(List.of()), EdgeSettings.DEFAULT_PHONE_METHODS, RefusalMode.REFUSE_403,
        RateLimitSettings.defaults()), scheduler.clock());
    policy.check(new InetSocketAddress("127.0.0.1", 5060), "INVITE", false);
    new EdgeRefusalMetrics(policy.refusals()).bindTo(registry);
    PeerLineMonitor monitor = new PeerLineMonitor(List.of(new Peer("pbx1",
        new InetSocketAddress("127.0.0.1", 5060), "sip:127.0.0.1")), KeepAliveSettings.defaults(),
        (peer, result) -> { }, scheduler, change -> { });
    new LineStateMetrics(monitor).bindTo(registry);
    RegisterClient client = new RegisterClient(RegistrationSettings.of("pbx1", "sip:127.0.0.1",
        "sip:a@127.0.0.1", "sip:a@127.0.0.1:5070", "a", "PW"), name -> Optional.of("pw"),
        (request, outcome) -> outcome.accept(RegisterOutcome.Response.of(200)), scheduler,
        (name, from, to, detail) -> { }, () -> 0L);
    new RegistrationMetrics(List.of(client)).bindTo(registry);
    SipMessageMetrics messages = new SipMessageMetrics();
    messages.bindTo(registry);
    messages.retransmission();

    Process promtool = new ProcessBuilder("promtool", "check", "metrics")
        .redirectErrorStream(true).start();
    try (OutputStream in = promtool.getOutputStream()) {
      in.write(registry.scrape().getBytes(StandardCharsets.UTF_8));
    }
    String output = readAll(promtool.getInputStream());
    try {
      assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).as("promtool ended").isTrue();
      assertThat(output).isEmpty();
      assertThat(promtool.exitValue()).isZero();
    } finally {
      promtool.destroyForcibly();
    }
  }

  private static String readAll(InputStream stream) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    stream.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
