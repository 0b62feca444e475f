package io.callflow.core.store;

import io.callflow.core.model.CallId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The port through which every record leaves core. Implementations batch writes off the
 * SIP path (group commit); the returned future completes only when the record is durable,
 * so a write an agent makes through the API is acknowledged only then. A record is never
 * dropped silently: if it cannot be written the future fails and the failure is counted.
 */
public interface CallRecordStore extends AutoCloseable {

  /** Queues {@code record}; the future completes once it is durable. */
  CompletableFuture<Void> append(CallRecord record);

  /** Every record of one call, oldest first. */
  List<CallRecord> history(CallId callId);

  /** The calls whose last recorded state is not ENDED, for the recovery procedure after a restart. */
  List<RecoveredCall> recoverInProgress();

  /** Writes what is queued, then releases the store. */
  @Override
  void close();
}
