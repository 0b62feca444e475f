package io.callflow.ops.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.SipEvent;
import io.callflow.core.flow.CallState;
import io.callflow.core.flow.CallView;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.store.CallRecord;
import io.callflow.core.time.ManualScheduler;
import io.callflow.ops.api.ApiJson;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart procedure end to end: a separate JVM runs the service's wiring with the real
 * engine and SQLite store, is killed with SIGKILL while writing, and a new engine on the same
 * file must have every acknowledged record and take back every call that was in progress.
 */
class CallFlowRestartIT {

  /** Snapshot acknowledgements after the scenario before the kill: it lands mid-write. */
  private static final int ACKS_AFTER_SCENARIO = 200;
  private static final int CHILD_SECONDS = 90;

  @TempDir
  Path dir;

  private final List<SipCommand> sent = new CopyOnWriteArrayList<>();

  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void afterAHardKillAcknowledgedRecordsAreKeptAndCallsInProgressAreRecovered() throws Exception {
    Path file = dir.resolve("var/restart.db");
    Path config = Files.writeString(dir.resolve("callflow.yaml"),
        "store:\n  path: " + file + "\nprocedure:\n  consoleHeartbeatTimeout: 0s\n");
    Map<String, List<String>> acks = runAndKill(config);

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(file, StoreSettings.defaults(), registry);
        CallFlowRuntime calls = CallFlowRuntime.create(
            EngineSettings.from(new ConfigLoader().defaults().procedure()), store,
            new ManualScheduler(), sent::add, new LoggingAgentNotifier(), registry)) {
      assertThat(acks).containsKeys("r-greeting", "r-complaint", "r-emergency", "r-busy", "r-done", "r-early");
      acks.forEach((call, records) -> assertThat(lines(store, call))
          .as("acknowledged records of %s", call).containsAll(records));

      int recovered = calls.recover();

      assertThat(recovered).isEqualTo(RestartScenario.IN_PROGRESS.size());
      RestartScenario.IN_PROGRESS.forEach((call, step) -> {
        CallView view = calls.view(new CallId(call)).orElseThrow();
        assertThat(view.state()).as(call).isEqualTo(CallState.RECOVERING);
        assertThat(view.resumeStep()).as(call).isEqualTo(step);
      });
      for (String ended : RestartScenario.ENDED_CALLS) {
        assertThat(calls.view(new CallId(ended))).as(ended).isEmpty();
      }
      assertProbesCarryTheNewestSnapshots(store);

      CallId greeting = new CallId("r-greeting");
      calls.submit(new SipEvent.LegAlive(greeting, Leg.CUSTOMER)).join();
      calls.submit(new SipEvent.LegAlive(greeting, Leg.AGENT)).join();
      assertThat(calls.view(greeting).orElseThrow().state()).isEqualTo(CallState.GREETING);
      assertThat(store.history(greeting)).anyMatch(r -> r instanceof CallRecord.Audited a
          && "signalling recovered".equals(a.outcome()));

      CallId complaint = new CallId("r-complaint");
      calls.submit(new SipEvent.LegAlive(complaint, Leg.AGENT)).join();
      calls.submit(new SipEvent.LegGone(complaint, Leg.CUSTOMER, "481 after restart")).join();
      assertThat(calls.view(complaint).orElseThrow().state())
          .isIn(CallState.DROPPED, CallState.RECONNECTING);
      assertThat(sent).anyMatch(c -> c.callId().equals(complaint) && c instanceof SipCommand.CallCustomerBack);
    }
  }

  /** Runs the scenario in a child JVM; returns the acknowledged records by call id. */
  private Map<String, List<String>> runAndKill(Path config) throws Exception {
    Path errors = dir.resolve("child.err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        RestartScenario.class.getName(), config.toString(), Integer.toString(CHILD_SECONDS))
        .redirectError(errors.toFile())
        .start();
    Map<String, List<String>> acks = new HashMap<>();
    boolean scenarioDone = false;
    int after = 0;
    boolean aliveWhenKilled;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null && after < ACKS_AFTER_SCENARIO; line = out.readLine()) {
        if (line.equals(RestartScenario.DONE)) {
          scenarioDone = true;
        } else if (line.startsWith("ack ")) {
          String[] parts = line.split(" ", 3);
          acks.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[2]);
          after += scenarioDone ? 1 : 0;
        }
      }
      aliveWhenKilled = child.isAlive();
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(scenarioDone).as("scenario finished; child stderr:%n%s", Files.readString(errors)).isTrue();
    assertThat(after).isEqualTo(ACKS_AFTER_SCENARIO);
    assertThat(aliveWhenKilled).as("the child was still writing when killed").isTrue();
    return acks;
  }

  private void assertProbesCarryTheNewestSnapshots(SqliteCallRecordStore store) {
    Map<String, byte[]> probed = sent.stream()
        .filter(SipCommand.ProbeLeg.class::isInstance).map(SipCommand.ProbeLeg.class::cast)
        .collect(Collectors.toMap(p -> p.callId().value() + " " + p.leg(), SipCommand.ProbeLeg::snapshot));
    assertThat(probed.keySet()).containsExactlyInAnyOrderElementsOf(RestartScenario.IN_PROGRESS.keySet()
        .stream().flatMap(c -> Set.of(c + " CUSTOMER", c + " AGENT").stream()).toList());
    assertThat(probed.get("r-greeting CUSTOMER")).isEqualTo(RestartScenario.snapshot("r-greeting", Leg.CUSTOMER, 1));
    assertThat(probed.get("r-emergency CUSTOMER")).isEqualTo(RestartScenario.snapshot("r-emergency", Leg.CUSTOMER, 2));
    assertThat(probed.get("r-emergency AGENT")).isEqualTo(RestartScenario.snapshot("r-emergency", Leg.AGENT, 1));
    byte[] newestBusy = null;
    for (CallRecord r : store.history(new CallId("r-busy"))) {
      if (r instanceof CallRecord.LegSnapshot s && s.leg() == Leg.AGENT) {
        newestBusy = s.data();
      }
    }
    assertThat(probed.get("r-busy AGENT")).isEqualTo(newestBusy);
  }

  private static Set<String> lines(SqliteCallRecordStore store, String call) {
    return store.history(new CallId(call)).stream().map(ApiJson::recordLine).collect(Collectors.toSet());
  }
}
