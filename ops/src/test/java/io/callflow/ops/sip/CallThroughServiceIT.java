package io.callflow.ops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.ops.Programs;
import io.callflow.ops.ServiceProcess;
import io.callflow.sip.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls through the real service ({@code bin/callflow run}) with transparent routing: a SIPp
 * customer calls, the B2BUA rings a SIPp agent phone, the customer hangs up after a moment.
 * Every call completes for both SIPp instances, the call flow engine records each call as
 * ended, and the active-call and active-dialog gauges come back to zero.
 */
class CallThroughServiceIT {

  private static final int CALLS = 5;
  private static final Duration SETTLE = Duration.ofSeconds(40);

  @TempDir
  Path dir;

  @Test
  void customerCallsReachTheAgentPhoneAreRecordedAndLeaveNothingBehind() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    Process agent = sipp("agent", "sipp/agent_answers.xml", List.of("-p", String.valueOf(agentPort),
        "-m", String.valueOf(CALLS)));
    try (ServiceProcess service = ServiceProcess.startReady(dir, "b2bua", dir.resolve("callflow.db"), "",
        String.join("\n", "b2bua:", "  routing: transparent", "  nextHop: sip:127.0.0.1:" + agentPort))) {
      int customerPort = FreePorts.udpAndTcp();
      Process customer = sipp("customer", "sipp/customer_call.xml", List.of(
          "127.0.0.1:" + service.sipAddress().getPort(), "-s", "5000", "-p", String.valueOf(customerPort),
          "-m", String.valueOf(CALLS), "-r", "5", "-d", "500"));

      assertThat(exit(customer)).as(output("customer")).isZero();
      assertThat(exit(agent)).as(output("agent")).isZero();
      String metrics = awaitMetrics(service, "callflow_b2bua_calls_active 0.0", "callflow_sip_active_dialogs 0.0",
          "callflow_calls_active 0.0");
      assertThat(metrics)
          .contains("callflow_b2bua_calls_total{outcome=\"completed\"} " + CALLS + ".0")
          .doesNotContain("callflow_sip_commands_unrouted_total{");
      assertThat(service.stop()).as(service.log()).isEqualTo(143);
    } finally {
      agent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private Process sipp(String name, String scenario, List<String> args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("sipp", "-sf",
        Programs.repoRoot().resolve("ops/src/test/resources/" + scenario).toString(), "-i", "127.0.0.1",
        "-nostdin", "-timeout", "60s", "-timeout_error", "-trace_err", "-error_file",
        dir.resolve(name + ".err").toString()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile())
        .start();
  }

  private static int exit(Process process) throws InterruptedException {
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("SIPp did not finish within 90 s");
    }
    return process.exitValue();
  }

  private String output(String name) {
    try {
      return java.nio.file.Files.readString(dir.resolve(name + ".out")) + "\n"
          + (java.nio.file.Files.exists(dir.resolve(name + ".err")) ? java.nio.file.Files.readString(dir.resolve(name + ".err")) : "");
    } catch (java.io.IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** The scrape once it contains every one of {@code wanted}, within {@link #SETTLE}. */
  private static String awaitMetrics(ServiceProcess service, String... wanted) throws Exception {
    Instant deadline = Instant.now().plus(SETTLE);
    String scrape = "";
    while (Instant.now().isBefore(deadline)) {
      scrape = service.get("/metrics").body();
      String current = scrape;
      if (java.util.Arrays.stream(wanted).allMatch(current::contains)) {
        return scrape;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("metrics never showed " + List.of(wanted) + ":\n" + scrape);
  }
}
