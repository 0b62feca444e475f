package io.callflow.ops.store;

import io.callflow.core.store.CallRecord;
import java.util.concurrent.CompletableFuture;

/**
 * One record on its way to disk: already checked and encoded on the caller's thread, with the
 * future that completes once its transaction has committed.
 */
record Pending(CallRecord record, String kind, String payload, CompletableFuture<Void> done) {}
