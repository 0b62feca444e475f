package io.callflow.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord.FaultRecorded;
import io.callflow.core.store.CallRecord.InfoCollected;
import io.callflow.ops.store.RecordStoreException.Reason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write path's failure policy: never silent, always counted. */
class WriteFailureTest {

  private static final CallId CALL = new CallId("call-1");
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  @TempDir
  Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double failures(String reason) {
    return registry.get("callflow.store.write.failures").tag("reason", reason).counter().count();
  }

  @Test
  void whenTheQueueStaysFullTheFutureFailsWithQueueFullAndIsCounted() throws Exception {
    Path file = dir.resolve("r.db");
    StoreSettings tiny = new StoreSettings(2, 1, Duration.ZERO, Duration.ZERO);
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(file, tiny, registry);
        Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = blocker.createStatement()) {
      // Another connection holds the write lock, so the writer cannot drain the queue.
      statement.execute("BEGIN IMMEDIATE");
      List<CompletableFuture<Void>> futures = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        futures.add(store.append(new InfoCollected(CALL, T0, "n", Integer.toString(i))));
      }
      List<CompletableFuture<Void>> refused = futures.stream()
          .filter(CompletableFuture::isCompletedExceptionally).toList();
      statement.execute("ROLLBACK");

      // Capacity 2 plus the one record the writer holds: at most 3 accepted.
      assertThat(refused).hasSizeGreaterThanOrEqualTo(7);
      assertThatThrownBy(refused.get(0)::join).cause()
          .isInstanceOf(RecordStoreException.class)
          .hasMessageContaining("record store queue full (2 records)")
          .hasMessageContaining("raise store.queueCapacity in the configuration");
      assertThat(failures("queue_full")).isEqualTo(refused.size());
      for (CompletableFuture<Void> accepted : futures) {
        if (!refused.contains(accepted)) {
          accepted.get(10, TimeUnit.SECONDS);
        }
      }
      assertThat(store.history(CALL)).hasSize(futures.size() - refused.size());
    }
  }

  @Test
  void aRecordSqliteRefusesFailsAloneAndTheRestOfItsBatchIsCommitted() throws Exception {
    Path file = dir.resolve("r.db");
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(file, StoreSettings.defaults(), registry)) {
      try (Connection saboteur = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement statement = saboteur.createStatement()) {
        statement.execute("DROP TABLE faults");
      }
      CompletableFuture<Void> before = store.append(new InfoCollected(CALL, T0, "name", "Ann"));
      CompletableFuture<Void> fault = store.append(new FaultRecorded(CALL, T0, "fault-1", "agent-1",
          "seat-4", "headset-9", "NOISE", "hiss", "{}", "reseat the plug"));
      CompletableFuture<Void> after = store.append(new InfoCollected(CALL, T0, "contact", "****1234"));

      before.get(10, TimeUnit.SECONDS);
      after.get(10, TimeUnit.SECONDS);
      assertThatThrownBy(() -> fault.get(10, TimeUnit.SECONDS)).cause()
          .isInstanceOf(RecordStoreException.class)
          .hasMessageContaining("could not commit FaultRecorded")
          .satisfies(e -> assertThat(((RecordStoreException) e).reason()).isEqualTo(Reason.COMMIT_FAILED));
      assertThat(failures("commit_failed")).isEqualTo(1.0);
      assertThat(store.history(CALL)).extracting(r -> r.getClass().getSimpleName())
          .containsExactly("InfoCollected", "InfoCollected");
    }
  }
}
