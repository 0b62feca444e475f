package io.callflow.ops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.ops.Programs;
import io.callflow.ops.ServiceProcess;
import io.callflow.sip.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call through the real service ({@code bin/callflow run}, transparent routing) lives through
 * a crash of the service: a SIPp customer calls a SIPp agent phone through it, the service is
 * killed with SIGKILL mid-call and started again on the same SIP port and store. The restarted
 * service probes both saved legs in their dialogs (each SIPp answers the OPTIONS 200 and the
 * session-timer re-INVITE that follows), core resumes the call at the step it was in and
 * records "signalling recovered", and the customer's BYE then reaches the agent through the
 * restored dialogs. Both SIPp instances exit 0 and the gauges come back to zero.
 *
 * <p>Both runs use the machine's default event-loop count, as the Call-ID → loop mapping of
 * the restored legs needs.
 */
class CallSurvivesRestartIT {

  private static final Duration SETTLE = Duration.ofSeconds(40);
  private static final Duration SIPP_LIMIT = Duration.ofSeconds(150);
  private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");

  @TempDir
  Path dir;

  @Test
  void aCallUpWhileTheServiceIsKilledResumesAfterTheRestartAndEndsThroughTheRestoredDialogs() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    int customerPort = FreePorts.udpAndTcp();
    int sipPort = FreePorts.udpAndTcp();
    Path store = dir.resolve("callflow.db");
    String b2bua = String.join("\n", "b2bua:", "  routing: transparent", "  nextHop: sip:127.0.0.1:" + agentPort);
    // SIPp's -cid_str: %u is the call number, 1 for the only call.
    String callIdPrefix = "restart-" + System.nanoTime();
    String callId = callIdPrefix + "-1@127.0.0.1";
    List<Process> sipps = new ArrayList<>();
    ServiceProcess second = null;
    try {
      Process agent = sipp("agent", "agent_through_restart.xml", List.of("-p", String.valueOf(agentPort)));
      sipps.add(agent);
      String stepBefore;
      try (ServiceProcess first = ServiceProcess.startReady(dir, "before", store, sipPort, "", b2bua)) {
        sipps.add(sipp("customer", "customer_through_restart.xml", List.of("127.0.0.1:" + sipPort,
            "-s", "5000", "-p", String.valueOf(customerPort), "-cid_str", callIdPrefix + "-%u@%s")));
        awaitMetrics(first, "callflow_b2bua_calls_active 1.0", "callflow_sip_active_dialogs 2.0");
        // Both legs' snapshots are durable before the crash.
        awaitBody(first, "/api/calls/" + callId + "/history",
            body -> body.contains("\"leg\":\"CUSTOMER\",\"data\"") && body.contains("\"leg\":\"AGENT\",\"data\""));
        stepBefore = state(awaitBody(first, "/api/calls/" + callId, body -> STATE.matcher(body).find()));
        first.kill();
      }

      second = ServiceProcess.startReady(dir, "after", store, sipPort, "", b2bua);
      String resumed = awaitBody(second, "/api/calls/" + callId,
          body -> STATE.matcher(body).find() && !state(body).equals("RECOVERING"));
      assertThat(state(resumed)).as(resumed + "\n" + second.log() + "\n" + output("customer")).isEqualTo(stepBefore);
      assertThat(awaitBody(second, "/api/calls/" + callId + "/history",
          body -> body.contains("signalling recovered"))).contains("signalling recovered");

      assertThat(exit(sipps.get(1))).as(output("customer")).isZero();
      assertThat(exit(agent)).as(output("agent")).isZero();
      String metrics = awaitMetrics(second, "callflow_b2bua_calls_active 0.0", "callflow_sip_active_dialogs 0.0");
      assertThat(metrics)
          .contains("callflow_b2bua_calls_total{outcome=\"completed\"} 1.0")
          .doesNotContain("callflow_sip_commands_unrouted_total{");
      assertThat(second.log()).contains("CUSTOMER leg alive after restart: OPTIONS answered 200",
          "AGENT leg alive after restart: OPTIONS answered 200", "both legs restored");
    } finally {
      for (Process sipp : sipps) {
        sipp.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      if (second != null) {
        second.close();
      }
    }
  }

  private Process sipp(String name, String scenario, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of("sipp", "-sf",
        Programs.repoRoot().resolve("ops/src/test/resources/sipp/restart/" + scenario).toString(),
        "-i", "127.0.0.1", "-m", "1", "-nostdin", "-timeout", SIPP_LIMIT.toSeconds() + "s", "-timeout_error",
        "-trace_err", "-error_file", dir.resolve(name + ".err").toString()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile())
        .start();
  }

  private static int exit(Process process) throws InterruptedException {
    if (!process.waitFor(SIPP_LIMIT.toSeconds() + 10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("SIPp did not finish within " + SIPP_LIMIT);
    }
    return process.exitValue();
  }

  private String output(String name) {
    try {
      Path err = dir.resolve(name + ".err");
      return Files.readString(dir.resolve(name + ".out")) + "\n" + (Files.exists(err) ? Files.readString(err) : "");
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private static String state(String callView) {
    Matcher matcher = STATE.matcher(callView);
    return matcher.find() ? matcher.group(1) : "";
  }

  /** The body of {@code GET path} once it answers 200 and {@code wanted} holds, within {@link #SETTLE}. */
  private static String awaitBody(ServiceProcess service, String path, Predicate<String> wanted) throws Exception {
    Instant deadline = Instant.now().plus(SETTLE);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      var response = service.get(path);
      last = response.statusCode() + " " + response.body();
      if (response.statusCode() == 200 && wanted.test(response.body())) {
        return response.body();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("GET " + path + " never showed what was wanted; last answer: " + last + "\n"
        + service.log());
  }

  /** The scrape once it contains every one of {@code wanted}, within {@link #SETTLE}. */
  private static String awaitMetrics(ServiceProcess service, String... wanted) throws Exception {
    return awaitBody(service, "/metrics", scrape -> Arrays.stream(wanted).allMatch(scrape::contains));
  }
}
