package io.callflow.bench.flow;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.store.RecoveredCall;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A store that accepts every record and keeps none, so a benchmark measures the engine alone. */
final class DiscardingCallRecordStore implements CallRecordStore {

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  @Override
  public CompletableFuture<Void> append(CallRecord record) {
    return DONE;
  }

  @Override
  public List<CallRecord> history(CallId callId) {
    return List.of();
  }

  @Override
  public List<RecoveredCall> recoverInProgress() {
    return List.of();
  }

  @Override
  public void close() {}
}
