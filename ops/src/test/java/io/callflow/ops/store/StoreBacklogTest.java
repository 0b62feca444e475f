package io.callflow.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord.InfoCollected;
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

/** The store tells when it has fallen behind, so the service can refuse new calls first. */
class StoreBacklogTest {

  private static final CallId CALL = new CallId("call-1");
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  @TempDir
  Path dir;

  @Test
  void theStoreIsBackloggedFromMoreThanHalfItsQueueWaitingUntilTheWriterCaughtUp() throws Exception {
    Path file = dir.resolve("r.db");
    StoreSettings tenRecords = new StoreSettings(10, 1, Duration.ZERO, Duration.ZERO);
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(file, tenRecords, new SimpleMeterRegistry());
        Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = blocker.createStatement()) {
      assertThat(store.backlogged()).isFalse();
      // Another connection holds the write lock, so the writer cannot drain the queue.
      statement.execute("BEGIN IMMEDIATE");
      List<CompletableFuture<Void>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(store.append(new InfoCollected(CALL, T0, "n", Integer.toString(i))));
      }
      assertThat(store.backlogged()).as("at most 4 of 10 waiting").isFalse();
      for (int i = 4; i < 9; i++) {
        futures.add(store.append(new InfoCollected(CALL, T0, "n", Integer.toString(i))));
      }
      assertThat(store.backlogged()).as("at least 8 of 10 waiting (the writer holds one)").isTrue();

      statement.execute("ROLLBACK");
      for (CompletableFuture<Void> future : futures) {
        future.get(10, TimeUnit.SECONDS);
      }
      assertThat(store.backlogged()).isFalse();
    }
  }
}
