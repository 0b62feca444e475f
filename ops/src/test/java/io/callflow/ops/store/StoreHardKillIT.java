package io.callflow.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.Leg;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecord.LegSnapshot;
import io.callflow.core.store.CallRecord.StateChanged;
import io.callflow.core.store.RecoveredCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real writer process with SIGKILL in the middle of its group commits and checks that
 * every record it had acknowledged is in the file, and that recovery finds its calls.
 */
class StoreHardKillIT {

  private static final int ACKS_BEFORE_KILL = 600;
  /** The writer stops by itself after this long if the test never kills it. */
  private static final int WRITER_SECONDS = 60;

  @TempDir
  Path dir;

  private final RecordCodec codec = new RecordCodec();

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyAcknowledgedRecordSurvivesAKillAndItsCallsAreRecovered() throws Exception {
    Path file = dir.resolve("killed.db");
    Path errors = dir.resolve("writer.err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StoreKillWriter.class.getName(), file.toString(), Integer.toString(WRITER_SECONDS))
        .redirectError(errors.toFile())
        .start();
    List<String> acks = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    boolean aliveWhenKilled;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null && acks.size() < ACKS_BEFORE_KILL; line = out.readLine()) {
        if (line.startsWith("ack ")) {
          acks.add(line.substring("ack ".length()));
        } else if (line.startsWith("failed ")) {
          failures.add(line);
        }
      }
      aliveWhenKilled = writer.isAlive();
    } finally {
      writer.destroyForcibly();
      writer.waitFor(30, TimeUnit.SECONDS);
    }

    assertThat(failures).isEmpty();
    assertThat(acks).as("acks before the writer ended; its stderr:%n%s", Files.readString(errors))
        .hasSize(ACKS_BEFORE_KILL);
    assertThat(aliveWhenKilled).as("the writer was still running when killed").isTrue();

    try (SqliteCallRecordStore store =
        SqliteCallRecordStore.open(file, StoreSettings.defaults(), new SimpleMeterRegistry())) {
      assertEveryAckIsStored(store, acks);
      assertCallsAreRecovered(store, acks);
    }
  }

  private void assertEveryAckIsStored(SqliteCallRecordStore store, List<String> acks) {
    Map<Integer, Set<String>> storedByCall = new java.util.HashMap<>();
    for (int call = 0; call < KillScenario.CALLS; call++) {
      storedByCall.put(call, store.history(KillScenario.call(call)).stream()
          .map(this::encoded).collect(Collectors.toSet()));
    }
    for (String ack : acks) {
      String[] fields = ack.split(" ");
      int call = Integer.parseInt(fields[0]);
      CallRecord expected = KillScenario.record(call, Long.parseLong(fields[1]), Integer.parseInt(fields[2]));
      assertThat(storedByCall.get(call)).as("acknowledged record %s", ack).contains(encoded(expected));
    }
  }

  private void assertCallsAreRecovered(SqliteCallRecordStore store, List<String> acks) {
    Set<Integer> callsWithAcks = new HashSet<>();
    acks.forEach(ack -> callsWithAcks.add(Integer.parseInt(ack.split(" ")[0])));
    Map<String, RecoveredCall> recovered = store.recoverInProgress().stream()
        .collect(Collectors.toMap(call -> call.callId().value(), Function.identity()));
    for (int call : callsWithAcks) {
      List<CallRecord> history = store.history(KillScenario.call(call));
      StateChanged last = null;
      Map<Leg, byte[]> newest = new EnumMap<>(Leg.class);
      for (CallRecord record : history) {
        if (record instanceof StateChanged change) {
          last = change;
        } else if (record instanceof LegSnapshot snapshot) {
          newest.put(snapshot.leg(), snapshot.data());
        }
      }
      RecoveredCall found = recovered.get(KillScenario.call(call).value());
      assertThat(found).as("call %d recovered", call).isNotNull();
      assertThat(last).isNotNull();
      CallState expectedState = last.to();
      assertThat(found.state()).isEqualTo(expectedState);
      assertThat(found.resumeStep()).isEqualTo(KillScenario.resumeStep(KillScenario.step(last)));
      assertThat(found.legSnapshots()).containsOnlyKeys(newest.keySet());
      newest.forEach((leg, data) -> assertThat(found.legSnapshots().get(leg)).as("%s snapshot", leg).isEqualTo(data));
    }
  }

  private String encoded(CallRecord record) {
    return codec.kind(record) + " " + codec.payload(record);
  }
}
