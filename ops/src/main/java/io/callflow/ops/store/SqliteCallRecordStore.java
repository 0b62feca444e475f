package io.callflow.ops.store;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.store.RecoveredCall;
import io.callflow.ops.store.RecordStoreException.Reason;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call records in an embedded SQLite file: the default {@link CallRecordStore}.
 *
 * <p>{@link #append} checks and encodes the record on the caller's thread (so a bad record
 * fails at once and a leg snapshot's bytes are copied before the caller can reuse them), then
 * hands it to one writer thread that commits in batches. The future completes on that thread
 * once the batch's transaction is on disk; chain slow work with the {@code *Async} methods.
 * Queries run on a second connection and see every acknowledged record.
 *
 * <p>Recovery: {@link #recoverInProgress()} returns each call whose last {@code StateChanged}
 * does not lead to ENDED, resuming at that transition's {@code resumeStep} if it has one, else
 * at the last regulated step (RINGING to CLOSING) the call was in. Calls with no state change
 * yet are not returned.
 */
public final class SqliteCallRecordStore implements CallRecordStore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteCallRecordStore.class);
  /** How long close waits for the writer to commit what is queued. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final StoreFile file;
  private final RecordCodec codec;
  private final StoreMetrics metrics;
  private final GroupCommitWriter writer;
  private final StoreReader reader;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SqliteCallRecordStore(StoreFile file, RecordCodec codec, StoreMetrics metrics,
      GroupCommitWriter writer, StoreReader reader) {
    this.file = file;
    this.codec = codec;
    this.metrics = metrics;
    this.writer = writer;
    this.reader = reader;
  }

  /**
   * Opens (creating if needed) the store at {@code file}, migrates its schema and starts the
   * writer thread.
   *
   * @throws RecordStoreException with reason OPEN, naming the path, if the file cannot be
   *     created, locked (another process holds it), opened or migrated
   */
  public static SqliteCallRecordStore open(Path file, StoreSettings settings,
      MeterRegistry registry) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(registry, "registry");
    StoreFile storeFile = StoreFile.lock(file);
    Connection writerConnection = null;
    Connection readerConnection = null;
    try {
      writerConnection = storeFile.openWriter();
      Schema.migrate(writerConnection, storeFile.path());
      readerConnection = storeFile.openReader();
      RecordCodec codec = new RecordCodec();
      BlockingQueue<Pending> queue = GroupCommitWriter.newQueue(settings);
      StoreMetrics metrics = new StoreMetrics(registry, queue);
      GroupCommitWriter writer = new GroupCommitWriter(storeFile.path(), writerConnection,
          settings, queue, metrics);
      writer.start();
      LOG.info("record store {} open (schema version {})", storeFile.path(), Schema.CURRENT);
      return new SqliteCallRecordStore(storeFile, codec, metrics, writer,
          new StoreReader(readerConnection, codec));
    } catch (SQLException | RuntimeException e) {
      RecordStoreException error = e instanceof RecordStoreException known ? known
          : new RecordStoreException(Reason.OPEN, "cannot open record store " + storeFile.path()
              + ": " + e.getMessage() + "; store.path must name a SQLite file this user can"
              + " write, in a writable directory", e);
      closeAll(error, writerConnection, readerConnection, storeFile);
      throw error;
    }
  }

  /**
   * True from when more than half of {@code store.queueCapacity} records wait for the writer
   * until less than a quarter do: the disk or the CPU is behind the calls, and a new call now
   * would add records the queue may have to refuse (the service refuses new calls meanwhile,
   * docs/store.md).
   */
  public boolean backlogged() {
    return writer.backlogged();
  }

  @Override
  public CompletableFuture<Void> append(CallRecord record) {
    Objects.requireNonNull(record, "record");
    CallRecord stable;
    String payload;
    try {
      stable = RecordRules.checkedCopy(record);
      payload = codec.payload(stable);
    } catch (IllegalArgumentException e) {
      return writer.failedBeforeQueue(Reason.INVALID,
          "record rejected, not written: " + e.getMessage(), e);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    writer.submit(new Pending(stable, codec.kind(stable), payload, done));
    return done;
  }

  @Override
  public List<CallRecord> history(CallId callId) {
    Objects.requireNonNull(callId, "callId");
    return read("history of call " + callId, () -> reader.history(callId));
  }

  @Override
  public List<RecoveredCall> recoverInProgress() {
    return read("calls in progress", reader::recoverInProgress);
  }

  /** The faults whose current status is {@code status}, oldest first. */
  public List<FaultView> faults(FaultStatus status) {
    return faults(EnumSet.of(status));
  }

  /** The faults whose current status is one of {@code statuses}, oldest first. */
  public List<FaultView> faults(Set<FaultStatus> statuses) {
    Objects.requireNonNull(statuses, "statuses");
    return read("faults " + statuses, () -> reader.faults(statuses));
  }

  /** One fault with its current status, if it was recorded. */
  public Optional<FaultView> fault(String faultId) {
    Objects.requireNonNull(faultId, "faultId");
    return read("fault " + faultId, () -> reader.fault(faultId));
  }

  /** The file this store writes. */
  public Path path() {
    return file.path();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (!writer.close(CLOSE_TIMEOUT)) {
        LOG.warn("record store {} writer had not stopped (still committing after {} ms, or close"
            + " called from an append callback); releasing the file anyway",
            file.path(), CLOSE_TIMEOUT.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while closing record store {}", file.path());
    }
    metrics.close();
    try {
      reader.close();
      file.close();
    } catch (SQLException | IOException e) {
      LOG.warn("releasing record store {} failed: {}", file.path(), e.toString());
    }
  }

  private <T> T read(String what, StoreReader.Query<T> query) {
    if (closed.get()) {
      throw new IllegalStateException("record store " + file.path() + " is closed; cannot read " + what);
    }
    try {
      return query.run();
    } catch (SQLException | IllegalStateException e) {
      throw new RecordStoreException(Reason.READ_FAILED, "cannot read " + what + " from record store "
          + file.path() + ": " + e.getMessage(), e);
    }
  }

  private static void closeAll(Exception primary, Connection writer, Connection reader,
      StoreFile file) {
    for (AutoCloseable resource : new AutoCloseable[] {writer, reader, file}) {
      if (resource != null) {
        try {
          resource.close();
        } catch (Exception e) {
          primary.addSuppressed(e);
        }
      }
    }
  }
}
