package io.callflow.ops.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Why the store could not open, or could not make one record durable. A failed
 * {@code append} future always carries one of these, so the caller can tell a full queue
 * (back off) from a broken disk (alert).
 */
public final class RecordStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The failure families; their lower-case names label {@code callflow_store_write_failures_total}. */
  public enum Reason {
    /** The file could not be created, opened, locked or migrated. */
    OPEN,
    /** The record breaks a rule of the store (a snapshot without a leg, an unknown fault status). */
    INVALID,
    /** The queue stayed full for the whole offer timeout. */
    QUEUE_FULL,
    /** The store was closed before the record could be queued or written. */
    CLOSED,
    /** The caller was interrupted while waiting for room in the queue. */
    INTERRUPTED,
    /** SQLite refused the transaction. */
    COMMIT_FAILED,
    /** A query failed or found a row this build cannot read. */
    READ_FAILED;

    /** The reasons an {@code append} future can fail with, each counted. */
    static final Set<Reason> WRITE_FAILURES = EnumSet.range(INVALID, COMMIT_FAILED);

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  RecordStoreException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  RecordStoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
