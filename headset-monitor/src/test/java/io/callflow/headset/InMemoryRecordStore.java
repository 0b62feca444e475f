package io.callflow.headset;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.store.RecoveredCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A record store that keeps records in a list and completes every write at once. */
public final class InMemoryRecordStore implements CallRecordStore {

  private final List<CallRecord> records = new ArrayList<>();

  @Override
  public synchronized CompletableFuture<Void> append(CallRecord record) {
    records.add(record);
    return CompletableFuture.completedFuture(null);
  }

  public synchronized List<CallRecord> records() {
    return List.copyOf(records);
  }

  public synchronized <T extends CallRecord> List<T> records(Class<T> type) {
    return records.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public List<CallRecord> history(CallId callId) {
    return records().stream().filter(r -> callId.equals(r.callId())).toList();
  }

  @Override
  public List<RecoveredCall> recoverInProgress() {
    return List.of();
  }

  @Override
  public void close() {}
}
