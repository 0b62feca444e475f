package io.callflow.ops.store;

import io.callflow.ops.store.RecordStoreException.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's single writer: a bounded queue drained by one thread that commits what it finds
 * in one transaction (group commit), so one fsync acknowledges many records and the SIP path
 * never waits for the disk. A future completes, on this thread, only after its commit.
 *
 * <p>Policy when things go wrong, never silent: a full queue makes {@code submit} wait up to
 * the offer timeout, then fail the future ({@link Reason#QUEUE_FULL}); a failed batch is rolled
 * back and retried one record per transaction, so only the records SQLite really refuses fail
 * ({@link Reason#COMMIT_FAILED}); every failure is counted.
 */
final class GroupCommitWriter {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  /** How often an idle writer looks whether it should stop. */
  private static final long IDLE_POLL_MILLIS = 20;

  private final Path file;
  private final Connection connection;
  private final RecordTables tables;
  private final StoreSettings settings;
  private final BlockingQueue<Pending> queue;
  private final StoreMetrics metrics;
  private final Thread thread;
  private volatile boolean closing;
  private volatile boolean terminated;
  private final QueueBacklog backlog;

  /** Takes ownership of {@code connection} (auto-commit off) and closes it when it stops. */
  GroupCommitWriter(Path file, Connection connection, StoreSettings settings,
      BlockingQueue<Pending> queue, StoreMetrics metrics) {
    this.file = file;
    this.connection = connection;
    this.tables = new RecordTables(connection);
    this.settings = settings;
    this.queue = queue;
    this.metrics = metrics;
    this.backlog = new QueueBacklog(settings.queueCapacity());
    this.thread = new Thread(this::run, "callflow-store-writer");
    // Acknowledged records are already durable; a forgotten close must not keep the JVM up.
    thread.setDaemon(true);
  }

  static BlockingQueue<Pending> newQueue(StoreSettings settings) {
    return new ArrayBlockingQueue<>(settings.queueCapacity());
  }

  void start() {
    thread.start();
  }

  /** See {@link QueueBacklog}: a volatile read, no lock. */
  boolean backlogged() {
    return backlog.backlogged();
  }

  /** Queues {@code pending}, waiting at most the offer timeout for room; fails its future otherwise. */
  void submit(Pending pending) {
    if (closing) {
      fail(pending, Reason.CLOSED, "record store " + file + " is closed; "
          + pending.kind() + " not written");
      return;
    }
    boolean queued;
    try {
      queued = queue.offer(pending, settings.offerTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(pending, Reason.INTERRUPTED,
          "interrupted while waiting for room in the record store queue; " + pending.kind() + " not written");
      return;
    }
    backlog.update(queue.size());
    if (!queued) {
      fail(pending, Reason.QUEUE_FULL, "record store queue full (" + settings.queueCapacity()
            + " records) for " + settings.offerTimeout().toMillis() + " ms; " + pending.kind()
          + " not written; the disk is slower than the calls: raise store.queueCapacity in the"
          + " configuration or give the store a faster disk");
      return;
    }
    // The writer may have drained its last batch between our check and our offer.
    if (terminated && queue.remove(pending)) {
      fail(pending, Reason.CLOSED, "record store " + file + " closed while "
          + pending.kind() + " was queued; not written");
    }
  }

  /** Stops taking records, commits what is queued, and waits up to {@code timeout} for that. */
  boolean close(Duration timeout) throws InterruptedException {
    closing = true;
    if (Thread.currentThread() == thread) {
      // Closed from a future's callback: the loop ends after this batch; waiting would deadlock.
      return false;
    }
    thread.join(timeout.toMillis());
    return !thread.isAlive();
  }

  private void run() {
    try {
      while (!(closing && queue.isEmpty())) {
        Pending first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first != null) {
          List<Pending> batch = collect(first);
          backlog.update(queue.size());
          commit(batch);
        }
      }
    } catch (InterruptedException e) {
      LOG.warn("record store writer for {} interrupted; failing what is still queued", file);
    } catch (RuntimeException e) {
      LOG.error("record store writer for {} stopped; failing what is still queued", file, e);
    } finally {
      terminated = true;
      failRemaining();
      closeConnection();
    }
  }

  /**
   * {@code first} and what is queued with it, after waiting out the batch delay. Never throws:
   * an interrupt cuts the wait short and stays set, so this batch is committed and the loop
   * stops at its next poll, failing only what is still queued.
   */
  private List<Pending> collect(Pending first) {
    int max = settings.maxBatchSize();
    List<Pending> batch = new ArrayList<>(Math.min(max, 64));
    batch.add(first);
    queue.drainTo(batch, max - batch.size());
    long delay = settings.maxBatchDelay().toNanos();
    if (delay > 0 && batch.size() < max && !closing) {
      // Wait out the delay once and take what came meanwhile. Waiting in poll() instead made
      // every record a wake-up of this thread (thousands a second at 1,000 calls/s, a tenth of a
      // core). A backlog never waits here: the drain above has filled the batch. parkNanos keeps
      // sub-millisecond delays (Thread.sleep rounds them up); returning early is harmless.
      LockSupport.parkNanos(delay);
      queue.drainTo(batch, max - batch.size());
    }
    return batch;
  }

  private void commit(List<Pending> batch) {
    try {
      writeAndCommit(batch);
      return;
    } catch (SQLException | RuntimeException e) {
      rollback();
      if (batch.size() == 1) {
        failCommit(batch.get(0), e);
        return;
      }
      LOG.warn("commit of {} records to {} failed ({}); retrying one record per transaction",
          batch.size(), file, e.toString());
    }
    for (Pending pending : batch) {
      try {
        writeAndCommit(List.of(pending));
      } catch (SQLException | RuntimeException e) {
        rollback();
        failCommit(pending, e);
      }
    }
  }

  private void writeAndCommit(List<Pending> batch) throws SQLException {
    long start = System.nanoTime();
    for (Pending pending : batch) {
      tables.write(pending);
    }
    connection.commit();
    metrics.committed(batch.size(), System.nanoTime() - start);
    for (Pending pending : batch) {
      pending.done().complete(null);
    }
  }

  private void failCommit(Pending pending, Exception cause) {
    LOG.error("record store {} could not commit a {} record", file, pending.kind(), cause);
    fail(pending, Reason.COMMIT_FAILED, "record store " + file + " could not commit "
        + pending.kind() + ": " + cause.getMessage(), cause);
  }

  /** Undoes the failed transaction and drops the statements it may have left unusable. */
  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.warn("rollback on record store {} failed: {}", file, e.toString());
    }
    try {
      tables.reset();
    } catch (SQLException e) {
      LOG.warn("closing statements on record store {} failed: {}", file, e.toString());
    }
  }

  private void failRemaining() {
    for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
      fail(pending, Reason.CLOSED, "record store " + file + " stopped before "
          + pending.kind() + " was written");
    }
  }

  private void closeConnection() {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing record store {} failed: {}", file, e.toString());
    }
  }

  private void fail(Pending pending, Reason reason, String message) {
    fail(pending, reason, message, null);
  }

  private void fail(Pending pending, Reason reason, String message, Throwable cause) {
    metrics.failed(reason);
    pending.done().completeExceptionally(new RecordStoreException(reason, message, cause));
  }

  CompletableFuture<Void> failedBeforeQueue(Reason reason, String message, Throwable cause) {
    metrics.failed(reason);
    return CompletableFuture.failedFuture(new RecordStoreException(reason, message, cause));
  }
}
