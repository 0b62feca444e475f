package io.callflow.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord.InfoCollected;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

  private static final int THREADS = 4;
  private static final int PER_THREAD = 500;

  @TempDir
  Path dir;

  @Test
  void manyAppendsFromSeveralThreadsShareFewerCommitsThanRecordsAndAllComplete() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StoreSettings settings = new StoreSettings(10_000, 200, Duration.ofMillis(2), Duration.ofSeconds(5));
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("r.db"), settings, registry)) {
      List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        CallId call = new CallId("call-" + t);
        submitted.add(callers.submit(() -> {
          List<CompletableFuture<Void>> futures = new ArrayList<>();
          for (int i = 0; i < PER_THREAD; i++) {
            futures.add(store.append(new InfoCollected(call, Instant.EPOCH, "n", Integer.toString(i))));
          }
          return futures;
        }));
      }
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (Future<List<CompletableFuture<Void>>> batch : submitted) {
        all.addAll(batch.get(30, TimeUnit.SECONDS));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

      DistributionSummary batches = registry.get("callflow.store.commit.batch.size").summary();
      assertThat(batches.totalAmount()).isEqualTo(THREADS * PER_THREAD);
      assertThat(batches.count()).isLessThan(THREADS * PER_THREAD);
      assertThat(batches.max()).isGreaterThan(1).isLessThanOrEqualTo(200);
      assertThat(registry.get("callflow.store.written").counter().count()).isEqualTo(THREADS * PER_THREAD);
      for (int t = 0; t < THREADS; t++) {
        assertThat(store.history(new CallId("call-" + t))).hasSize(PER_THREAD);
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
