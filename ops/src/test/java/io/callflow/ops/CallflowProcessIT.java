package io.callflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.store.CallRecord.LegSnapshot;
import io.callflow.core.store.CallRecord.StateChanged;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code bin/callflow run} as a real process on free loopback ports, scrapes it,
 * lints the scrape with {@code promtool check metrics}, and stops it with SIGTERM; and starts
 * it twice on a store holding a call in progress, which each start takes back.
 */
class CallflowProcessIT {

  /** Includes a possible jar rebuild by bin/callflow. */
  private static final Duration START_LIMIT = Duration.ofMinutes(3);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
  /** The JVM's exit status after a SIGTERM it handled with its shutdown hooks: 128 + 15. */
  private static final int SIGTERM_EXIT = 143;

  @TempDir Path dir;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;

  @AfterEach
  void killIfStillRunning() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  @Test
  void servesReadyzAndLintCleanMetricsThenStopsCleanlyOnSigterm() throws Exception {
    int httpPort = freeTcpPort();
    int sipPort = freeUdpAndTcpPort();
    Path config = Files.writeString(dir.resolve("callflow.yaml"), String.join("\n",
        "sip:",
        "  udpPort: " + sipPort,
        "  tcpPort: " + sipPort,
        "http:",
        "  port: " + httpPort,
        "store:",
        "  path: " + dir.resolve("callflow.db"),
        ""));
    Path log = dir.resolve("callflow.log");
    String base = startReady(config, log, httpPort);
    HttpResponse<String> metrics = get(base + "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    Path scrape = Files.writeString(dir.resolve("scrape.txt"), metrics.body());
    Programs.Result lint = Programs.run(Duration.ofSeconds(30), scrape, List.of("promtool", "check", "metrics"));
    assertThat(lint.output()).isEmpty();
    assertThat(lint.exitCode()).isZero();

    process.destroy();
    assertThat(process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", STOP_LIMIT).isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isEqualTo(SIGTERM_EXIT);
    assertThat(output).contains("callflow started: http=127.0.0.1:" + httpPort)
        .contains("callflow stopped")
        .doesNotContain("ERROR")
        .doesNotContain("Exception");
  }

  @Test
  void eachStartTakesBackTheCallsInProgressInTheStoreBeforeItIsReady() throws Exception {
    Path file = dir.resolve("calls.db");
    CallId call = new CallId("c-restart");
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(file, StoreSettings.defaults(), new SimpleMeterRegistry())) {
      Instant at = Instant.parse("2026-01-05T09:00:00Z");
      store.append(new StateChanged(call, at, CallState.RINGING, CallState.ANSWERED, "Answered", CallState.ANSWERED, null)).join();
      store.append(new StateChanged(call, at, CallState.ANSWERED, CallState.GREETING, "StepCompleted", CallState.GREETING, null)).join();
      store.append(new LegSnapshot(call, at, Leg.CUSTOMER, new byte[] {1})).join();
      store.append(new LegSnapshot(call, at, Leg.AGENT, new byte[] {2})).join();
    }
    for (int run = 1; run <= 2; run++) {
      int httpPort = freeTcpPort();
      int sipPort = freeUdpAndTcpPort();
      // Probes stay unanswered (no SIP stack yet): a long probe time-out keeps the call in
      // RECOVERING for the second start instead of ending it as lost.
      Path config = Files.writeString(dir.resolve("restart.yaml"), String.join("\n",
          "sip:", "  udpPort: " + sipPort, "  tcpPort: " + sipPort,
          "http:", "  port: " + httpPort,
          "store:", "  path: " + file,
          "procedure:", "  probeTimeout: 5m", ""));
      Path log = dir.resolve("restart-" + run + ".log");
      String base = startReady(config, log, httpPort);

      HttpResponse<String> view = get(base + "/api/calls/c-restart");
      assertThat(view.body()).contains("\"state\":\"RECOVERING\"", "\"resumeStep\":\"GREETING\"");
      assertThat(get(base + "/metrics").body())
          .contains("callflow_sip_commands_unrouted_total{command=\"ProbeLeg\"} 2.0");
      process.destroy();
      assertThat(process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(log, StandardCharsets.UTF_8))
          .contains("restart recovery: 1 call(s) in progress came back");
    }
  }

  /** Runs {@code bin/callflow run --config config}, logging to {@code log}; returns its base URL once ready. */
  private String startReady(Path config, Path log, int httpPort) throws IOException, InterruptedException {
    process = new ProcessBuilder(Programs.repoRoot().resolve("bin/callflow").toString(), "run", "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    String base = "http://127.0.0.1:" + httpPort;
    awaitReady(base + "/readyz", log);
    return base;
  }

  private void awaitReady(String url, Path log) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_LIMIT);
    IOException lastError = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("callflow exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        if (get(url).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        lastError = notListeningYet;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not ready within " + START_LIMIT + ":\n" + Files.readString(log), lastError);
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A port free for both UDP and TCP, as SIP listens on both. */
  private static int freeUdpAndTcpPort() throws IOException {
    IOException lastError = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
           ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
        return tcp.getLocalPort();
      } catch (IOException tcpTaken) {
        lastError = tcpTaken;
      }
    }
    throw new IOException("no port free for both UDP and TCP on 127.0.0.1", lastError);
  }
}
