package io.callflow.core.store;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A store that keeps records in a list, durable at once; for tests. */
public final class InMemoryCallRecordStore implements CallRecordStore {

  private final List<CallRecord> records = new CopyOnWriteArrayList<>();
  private final List<RecoveredCall> inProgress = new ArrayList<>();

  @Override
  public CompletableFuture<Void> append(CallRecord record) {
    records.add(record);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public List<CallRecord> history(CallId callId) {
    return records.stream().filter(r -> callId.equals(r.callId())).toList();
  }

  @Override
  public List<RecoveredCall> recoverInProgress() {
    return List.copyOf(inProgress);
  }

  /** Makes {@link #recoverInProgress()} return {@code call}, as after a restart. */
  public void addInProgress(RecoveredCall call) {
    inProgress.add(call);
  }

  public List<CallRecord> all() {
    return List.copyOf(records);
  }

  /** The records of one type for one call, oldest first. */
  public <T extends CallRecord> List<T> of(CallId callId, Class<T> type) {
    return history(callId).stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The states the call entered, in order. */
  public List<CallState> statesOf(CallId callId) {
    return of(callId, CallRecord.StateChanged.class).stream()
        .map(CallRecord.StateChanged::to).toList();
  }

  @Override
  public void close() {}
}
