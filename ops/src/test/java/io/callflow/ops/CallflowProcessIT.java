package io.callflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

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
 * lints the scrape with {@code promtool check metrics}, and stops it with SIGTERM.
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
    process = new ProcessBuilder(Programs.repoRoot().resolve("bin/callflow").toString(), "run", "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    String base = "http://127.0.0.1:" + httpPort;

    awaitReady(base + "/readyz", log);
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
