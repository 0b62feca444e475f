package io.callflow.ops.wiring;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.store.RecoveredCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The store as the engine sees it: every record is passed to a listener (metrics) and then
 * to the real store. The engine appends its records on the thread that handles the event,
 * before {@code handle} returns, so {@link #capture} can collect the writes one event made and
 * the API can answer an agent only once they are durable.
 */
public final class ObservedRecordStore implements CallRecordStore {

  /** What one piece of work returned, the records it wrote and when they are all durable. */
  public record Written<T>(T result, List<CallRecord> records, CompletableFuture<Void> durable) {}

  private final CallRecordStore store;
  private final Consumer<CallRecord> listener;
  private final ThreadLocal<Capture> capture = new ThreadLocal<>();

  public ObservedRecordStore(CallRecordStore store, Consumer<CallRecord> listener) {
    this.store = store;
    this.listener = listener;
  }

  /** Runs {@code work} on this thread, collecting the appends it makes. Not re-entrant. */
  public <T> Written<T> capture(Supplier<T> work) {
    Capture writes = new Capture();
    capture.set(writes);
    T result;
    try {
      result = work.get();
    } finally {
      capture.remove();
    }
    return new Written<>(result, List.copyOf(writes.records),
        CompletableFuture.allOf(writes.futures.toArray(CompletableFuture[]::new)));
  }

  @Override
  public CompletableFuture<Void> append(CallRecord record) {
    listener.accept(record);
    CompletableFuture<Void> durable = store.append(record);
    Capture writes = capture.get();
    if (writes != null) {
      writes.records.add(record);
      writes.futures.add(durable);
    }
    return durable;
  }

  @Override
  public List<CallRecord> history(CallId callId) {
    return store.history(callId);
  }

  @Override
  public List<RecoveredCall> recoverInProgress() {
    return store.recoverInProgress();
  }

  /** The real store's life is owned by whoever opened it; closing the view does nothing. */
  @Override
  public void close() {
    // The composition root closes the real store after everything that writes to it.
  }

  private static final class Capture {
    final List<CallRecord> records = new ArrayList<>();
    final List<CompletableFuture<Void>> futures = new ArrayList<>();
  }
}
