package io.callflow.ops.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the record store's write path. The queue bounds memory when the disk is slower
 * than the calls; the batch limits bound how long one commit holds the write lock and how
 * long a lone record waits for company before it is committed.
 *
 * @param queueCapacity records waiting for the writer, 1 to 1,000,000 ({@code store.queue-capacity})
 * @param maxBatchSize records committed in one transaction, 1 to 100,000 and at most the queue
 *     capacity ({@code store.max-batch-size})
 * @param maxBatchDelay how long the writer waits for more records once it holds one, 0 to 1 s
 *     ({@code store.max-batch-delay}); 0 commits what is queued at once
 * @param offerTimeout how long {@code append} waits for room when the queue is full before the
 *     record's future fails, 0 to 10 s ({@code store.offer-timeout}); the caller blocks for at
 *     most this long
 */
public record StoreSettings(int queueCapacity, int maxBatchSize, Duration maxBatchDelay,
    Duration offerTimeout) {

  private static final Duration MAX_BATCH_DELAY = Duration.ofSeconds(1);
  private static final Duration MAX_OFFER_TIMEOUT = Duration.ofSeconds(10);

  public StoreSettings {
    Objects.requireNonNull(maxBatchDelay, "store.max-batch-delay");
    Objects.requireNonNull(offerTimeout, "store.offer-timeout");
    requireRange("store.queue-capacity", queueCapacity, 1, 1_000_000);
    requireRange("store.max-batch-size", maxBatchSize, 1, Math.min(100_000, queueCapacity));
    requireRange("store.max-batch-delay", maxBatchDelay, MAX_BATCH_DELAY);
    requireRange("store.offer-timeout", offerTimeout, MAX_OFFER_TIMEOUT);
  }

  /** 10,000 queued records, batches of up to 500, 2 ms linger, 100 ms wait for room. */
  public static StoreSettings defaults() {
    return new StoreSettings(10_000, 500, Duration.ofMillis(2), Duration.ofMillis(100));
  }

  private static void requireRange(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  private static void requireRange(String key, Duration value, Duration max) {
    if (value.isNegative() || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          key + " must be between 0 ms and " + max.toMillis() + " ms, was " + value.toMillis() + " ms");
    }
  }
}
