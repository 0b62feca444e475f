package io.callflow.ops.api;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.store.RecoveredCall;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The real store with a gate on its acknowledgements: while the gate is shut, appends are
 * written but their futures complete only when it opens, as if the disk were slow.
 */
final class GatedStore implements CallRecordStore {

  private final CallRecordStore store;
  private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
  private volatile CountDownLatch heldAppend = new CountDownLatch(0);

  GatedStore(CallRecordStore store) {
    this.store = store;
  }

  /** Holds every later acknowledgement; {@code heldAppend()} opens once one is held. */
  void shut() {
    heldAppend = new CountDownLatch(1);
    gate = new CompletableFuture<>();
  }

  void open() {
    gate.complete(null);
  }

  CountDownLatch heldAppend() {
    return heldAppend;
  }

  @Override
  public CompletableFuture<Void> append(CallRecord record) {
    CompletableFuture<Void> held = gate;
    CompletableFuture<Void> written = store.append(record).thenCombine(held, (a, b) -> null);
    heldAppend.countDown();
    return written;
  }

  @Override
  public List<CallRecord> history(CallId callId) {
    return store.history(callId);
  }

  @Override
  public List<RecoveredCall> recoverInProgress() {
    return store.recoverInProgress();
  }

  @Override
  public void close() {
    open();
  }
}
