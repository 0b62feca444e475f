package io.callflow.ops.sip;

import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.ops.BackgroundThreads;
import io.callflow.sip.b2bua.call.LegSnapshotTaken;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the B2BUA's leg snapshots to the record store as {@link CallRecord.LegSnapshot}s,
 * what a restart probes and restores the legs from. The SIP event loop only queues: the
 * append (which may wait for room in the store's queue) runs on one thread of its own, in
 * order, so a leg's newest snapshot is also its last record. A full queue or a failed write
 * loses that snapshot (the next change of the leg saves a newer one); the first such loss
 * is logged at WARN, later ones at DEBUG, so a slow disk does not flood the log.
 */
public final class LegSnapshotRecorder implements Consumer<LegSnapshotTaken>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LegSnapshotRecorder.class);
  /** Snapshots waiting for the writer; each is well under 1 KB. */
  static final int QUEUE_CAPACITY = 10_000;
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final CallRecordStore store;
  private final Clock clock;
  private final ThreadPoolExecutor writer;
  private final AtomicBoolean lossLogged = new AtomicBoolean();

  public LegSnapshotRecorder(CallRecordStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
        task -> BackgroundThreads.newThread(task, "callflow-leg-snapshots"));
    // Started now rather than with the first snapshot: one idle thread, there from the start.
    writer.prestartCoreThread();
  }

  /** Queues the append; never blocks, never throws. */
  @Override
  public void accept(LegSnapshotTaken taken) {
    Instant at = clock.instant();
    try {
      writer.execute(() -> append(taken, at));
    } catch (RejectedExecutionException e) {
      lost(taken, "the snapshot queue is full or closed (" + QUEUE_CAPACITY + ")");
    }
  }

  /** Encodes the snapshot here, off the SIP event loop that took it, and appends it. */
  private void append(LegSnapshotTaken taken, Instant at) {
    try {
      CallRecord.LegSnapshot record = new CallRecord.LegSnapshot(taken.callId(), at, taken.leg(), taken.snapshot());
      store.append(record).whenComplete((done, failure) -> {
        if (failure != null) {
          lost(taken, failure.toString());
        }
      });
    } catch (RuntimeException e) {
      lost(taken, e.toString());
    }
  }

  private void lost(LegSnapshotTaken taken, String why) {
    if (lossLogged.compareAndSet(false, true)) {
      LOG.warn("call {}: {} leg snapshot not saved ({}); a restart may not restore that leg. Further losses log at"
          + " DEBUG", taken.callId(), taken.leg(), why);
    } else {
      LOG.debug("call {}: {} leg snapshot not saved ({})", taken.callId(), taken.leg(), why);
    }
  }

  /** Lets queued appends reach the store (up to 10 s), then stops; close it before the store. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("leg snapshots still queued after {} s; stopping without them", CLOSE_WAIT_SECONDS);
        writer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      writer.shutdownNow();
    }
  }
}
