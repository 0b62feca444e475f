package io.callflow.ops.store;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord.StateChanged;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quick figure for docs/store.md: acknowledged (durably committed) records per second with
 * several callers appending at once, each keeping a bounded number of records in flight. Not
 * a test: it asserts nothing and its number depends on the disk and the machine's load.
 *
 * <p>Usage: {@code StoreThroughputProbe <store file> <records> <callers>}
 */
public final class StoreThroughputProbe {

  private static final Logger LOG = LoggerFactory.getLogger(StoreThroughputProbe.class);
  private static final int IN_FLIGHT_PER_CALLER = 64;

  private StoreThroughputProbe() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int records = Integer.parseInt(args[1]);
    int callers = Integer.parseInt(args[2]);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StoreSettings settings = StoreSettings.defaults();
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(file, settings, registry)) {
      CountDownLatch acknowledged = new CountDownLatch(records);
      long start = System.nanoTime();
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        CallId call = new CallId("probe-" + c);
        int share = records / callers + (c < records % callers ? 1 : 0);
        Thread thread = new Thread(() -> append(store, call, share, acknowledged), "caller-" + c);
        thread.start();
        threads.add(thread);
      }
      acknowledged.await();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      for (Thread thread : threads) {
        thread.join();
      }
      DistributionSummary batches = registry.get("callflow.store.commit.batch.size").summary();
      LOG.info("{} records from {} callers acknowledged in {} ms: {} records/s, {} commits, mean batch {}",
          records, callers, took.toMillis(), Math.round(records / (took.toNanos() / 1e9)),
          batches.count(), Math.round(batches.mean()));
    }
  }

  private static void append(SqliteCallRecordStore store, CallId call, int count, CountDownLatch acknowledged) {
    Semaphore inFlight = new Semaphore(IN_FLIGHT_PER_CALLER);
    for (int i = 0; i < count; i++) {
      inFlight.acquireUninterruptibly();
      store.append(new StateChanged(call, Instant.now(), CallState.GREETING, CallState.COLLECTING_INFO,
          "probe", null, null)).whenComplete((ok, failure) -> {
            inFlight.release();
            if (failure != null) {
              LOG.error("probe record failed", failure);
            }
            acknowledged.countDown();
          });
    }
  }
}
