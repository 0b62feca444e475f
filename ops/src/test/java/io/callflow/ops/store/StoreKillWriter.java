package io.callflow.ops.store;

import io.callflow.core.store.CallRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The process {@link StoreHardKillIT} kills: appends the {@link KillScenario} records for
 * several calls, one thread per call, and reports each acknowledged record on standard output
 * as {@code ack <call> <step> <part>}. Standard output is the protocol to the parent test, not a
 * log, so it is written directly. It stops by itself after the given number of seconds in case
 * nobody kills it.
 *
 * <p>Usage: {@code StoreKillWriter <store file> <seconds>}
 */
public final class StoreKillWriter {

  private static final int MAX_IN_FLIGHT = 256;

  private StoreKillWriter() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
    PrintStream acks = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    StoreSettings settings = new StoreSettings(10_000, 200, Duration.ofMillis(1), Duration.ofSeconds(1));
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(file, settings, new SimpleMeterRegistry())) {
      Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
      List<Thread> callers = new ArrayList<>();
      for (int call = 0; call < KillScenario.CALLS; call++) {
        int c = call;
        Thread caller = new Thread(() -> appendUntil(store, c, deadline, inFlight, acks), "call-" + c);
        caller.start();
        callers.add(caller);
      }
      for (Thread caller : callers) {
        caller.join();
      }
    }
  }

  private static void appendUntil(SqliteCallRecordStore store, int call, long deadline,
      Semaphore inFlight, PrintStream acks) {
    for (long step = 0; System.nanoTime() < deadline; step++) {
      for (int part = 0; part < KillScenario.PARTS; part++) {
        CallRecord record = KillScenario.record(call, step, part);
        String id = call + " " + step + " " + part;
        inFlight.acquireUninterruptibly();
        store.append(record).whenComplete((ok, failure) -> {
          inFlight.release();
          acks.println(failure == null ? "ack " + id : "failed " + id + " " + failure.getMessage());
        });
      }
    }
  }
}
