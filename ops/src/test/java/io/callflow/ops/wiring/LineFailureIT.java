package io.callflow.ops.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callflow.ops.Programs;
import io.callflow.ops.ServiceProcess;
import io.callflow.sip.testing.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROCEDURE.md 3.3 a in the real service: a SIPp trunk answers three OPTIONS keep-alives and
 * exits, so the trunk's line goes down; the supervisor alert is counted on {@code /metrics} and
 * a logged-in agent's console shows the line-failure banner with the other channels. A second
 * SIPp answering again brings the line up and clears the banner.
 */
class LineFailureIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aTrunkThatStopsAnsweringAlertsTheSupervisorAndShowsAgentsTheBannerUntilItAnswersAgain() throws Exception {
    int trunkPort = FreePorts.udpAndTcp();
    String sipYaml = String.join("\n",
        "  peers:",
        "    - name: pbx",
        "      uri: sip:127.0.0.1:" + trunkPort,
        "      optionsInterval: 1s",
        "      timeout: 500ms",
        "      failureThreshold: 2");
    String yaml = String.join("\n",
        "procedure:",
        "  lineFailure:",
        "    otherChannels: [web chat, email]");
    Process trunk = trunk(trunkPort, 3);
    Process secondTrunk = null;
    try (ServiceProcess service = ServiceProcess.startReady(dir, "line", dir.resolve("callflow.db"), sipYaml, yaml)) {
      LinkedBlockingQueue<JsonNode> console = new LinkedBlockingQueue<>();
      WebSocket socket = openConsole(service, "a-1", console);
      try {
        JsonNode down = await(console, m -> m.path("type").asText().equals("banner")
            && m.path("kind").asText().equals("LINE_FAILURE") && m.path("active").asBoolean());
        assertThat(down.path("text").asText()).startsWith("Line pbx is down");
        assertThat(down.path("channels")).extracting(JsonNode::asText).containsExactly("web chat", "email");
        assertThat(service.get("/metrics").body())
            .contains("callflow_alerts_total{kind=\"LINE_FAILURE\",severity=\"CRITICAL\"} 1.0")
            .contains("callflow_line_up{line=\"pbx\"} 0.0");

        secondTrunk = trunk(trunkPort, 50);
        JsonNode cleared = await(console, m -> m.path("type").asText().equals("banner")
            && m.path("kind").asText().equals("LINE_FAILURE") && !m.path("active").asBoolean());
        assertThat(cleared.path("active").asBoolean()).isFalse();
        assertThat(service.get("/metrics").body()).contains("callflow_line_up{line=\"pbx\"} 1.0");
      } finally {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      }
      assertThat(service.stop()).as(service.log()).isEqualTo(143);
    } finally {
      stop(trunk);
      stop(secondTrunk);
    }
  }

  /** A SIPp trunk on 127.0.0.1 that answers {@code probes} OPTIONS and exits (or is stopped). */
  private Process trunk(int port, int probes) throws Exception {
    Path scenario = Programs.repoRoot().resolve("ops/src/test/resources/sipp/trunk_answers_options.xml");
    return new ProcessBuilder("sipp", "-sf", scenario.toString(), "-i", "127.0.0.1", "-p", String.valueOf(port),
        "-m", String.valueOf(probes), "-timeout", "90s", "-nostdin", "-trace_err",
        "-error_file", dir.resolve("sipp-" + probes + ".err").toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("sipp-" + probes + ".out").toFile())
        .start();
  }

  private static void stop(Process process) throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static WebSocket openConsole(ServiceProcess service, String agent, LinkedBlockingQueue<JsonNode> into) {
    URI uri = URI.create("ws://127.0.0.1:" + service.httpPort() + "/console/ws?agent=" + agent);
    return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(uri, new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              try {
                into.add(JSON.readTree(partial.toString()));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              partial.setLength(0);
            }
            webSocket.request(1);
            return null;
          }
        }).join();
  }

  private static JsonNode await(LinkedBlockingQueue<JsonNode> messages, Predicate<JsonNode> wanted)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    List<JsonNode> seen = new java.util.ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      JsonNode next = messages.poll(200, TimeUnit.MILLISECONDS);
      if (next != null) {
        seen.add(next);
        if (wanted.test(next)) {
          return next;
        }
      }
    }
    throw new AssertionError("no such console message within " + WAIT + "; got " + seen);
  }
}
