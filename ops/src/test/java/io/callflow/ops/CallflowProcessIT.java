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
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code bin/callflow run} as a real process on free loopback ports, scrapes it,
 * lints the scrape with {@code promtool check metrics}, and stops it with SIGTERM; and starts
 * it twice on a store holding a call in progress, which each start takes back.
 */
class CallflowProcessIT {

  /** The JVM's exit status after a SIGTERM it handled with its shutdown hooks: 128 + 15. */
  private static final int SIGTERM_EXIT = 143;

  @TempDir Path dir;

  @Test
  void servesReadyzAndLintCleanMetricsThenStopsCleanlyOnSigterm() throws Exception {
    try (ServiceProcess service = ServiceProcess.startReady(dir, "callflow", dir.resolve("callflow.db"), "")) {
      HttpResponse<String> metrics = service.get("/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      Path scrape = Files.writeString(dir.resolve("scrape.txt"), metrics.body());
      Programs.Result lint = Programs.run(Duration.ofSeconds(30), scrape, List.of("promtool", "check", "metrics"));
      assertThat(lint.output()).isEmpty();
      assertThat(lint.exitCode()).isZero();
      // deploy/callflow.jvm and BackgroundThreads together: the leg-snapshot encoder runs at
      // nice 10, the SIP event loops and the store's writer at 0 (all exist once it is ready).
      assertThat(ThreadNice.of(service.pid(), "callflow-leg-snapshots")).containsExactly(10);
      assertThat(ThreadNice.of(service.pid(), "multiThreadIoEventLoopGroup")).isNotEmpty().containsOnly(0);
      assertThat(ThreadNice.of(service.pid(), "callflow-store-writer")).containsExactly(0);

      int exit = service.stop();
      String output = service.log();
      assertThat(exit).as(output).isEqualTo(SIGTERM_EXIT);
      assertThat(output).contains("callflow started: http=127.0.0.1:" + service.httpPort())
          .contains("sip=127.0.0.1:" + service.sipAddress().getPort() + "/udp")
          .contains("callflow stopped")
          .doesNotContain("ERROR")
          .doesNotContain("Exception");
    }
  }

  @Test
  void aStartTakesBackTheCallsInProgressAndProbesTheirSavedLegsBeforeItIsReady() throws Exception {
    Path file = dir.resolve("calls.db");
    CallId call = new CallId("c-restart");
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(file, StoreSettings.defaults(), new SimpleMeterRegistry())) {
      Instant at = Instant.parse("2026-01-05T09:00:00Z");
      store.append(new StateChanged(call, at, CallState.RINGING, CallState.ANSWERED, "Answered", CallState.ANSWERED, null)).join();
      store.append(new StateChanged(call, at, CallState.ANSWERED, CallState.GREETING, "StepCompleted", CallState.GREETING, null)).join();
      // Saved legs that cannot be read: the probes report both legs gone, and the call ends.
      store.append(new LegSnapshot(call, at, Leg.CUSTOMER, new byte[] {1})).join();
      store.append(new LegSnapshot(call, at, Leg.AGENT, new byte[] {2})).join();
    }
    try (ServiceProcess service = ServiceProcess.startReady(dir, "restart-1", file, "")) {
      String view = awaitCallState(service, "c-restart", "ENDED");
      assertThat(view).contains("\"resumeStep\":\"GREETING\"");
      assertThat(service.get("/metrics").body()).doesNotContain("callflow_sip_commands_unrouted_total{command=\"ProbeLeg\"}");
      service.stop();
      assertThat(service.log()).contains("restart recovery: 1 call(s) in progress came back");
    }
    try (ServiceProcess service = ServiceProcess.startReady(dir, "restart-2", file, "")) {
      service.stop();
      assertThat(service.log()).contains("restart recovery: 0 call(s) in progress came back");
    }
  }

  /** The call's view once it shows {@code state}, within 30 s. */
  private static String awaitCallState(ServiceProcess service, String callId, String state) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    String body = "";
    while (Instant.now().isBefore(deadline)) {
      body = service.get("/api/calls/" + callId).body();
      if (body.contains("\"state\":\"" + state + "\"")) {
        return body;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("call " + callId + " never reached " + state + ": " + body);
  }
}
