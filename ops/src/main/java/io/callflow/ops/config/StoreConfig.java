package io.callflow.ops.config;

import static io.callflow.ops.config.ValueTypes.duration;
import static io.callflow.ops.config.ValueTypes.integer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code store} section: the call-record database and its write queue. The writer
 * commits a batch {@code batchDelay} after its first record, at most {@code batchSize}
 * records; when that many are already queued it commits them at once. While more than half of the queue waits, new calls
 * are refused with 503 and {@code backlogRetryAfter} as Retry-After (RFC 3261 §20.33).
 */
public record StoreConfig(Path path, int queueCapacity, int batchSize, Duration batchDelay,
    Duration backlogRetryAfter) {

  static StoreConfig from(ConfigNode n) {
    Path path = n.get("path", ValueTypes.path());
    int capacity = n.get("queueCapacity", integer(1, 1_000_000));
    int batch = n.get("batchSize", integer(1, 100_000));
    Duration delay = n.get("batchDelay", duration(Duration.ZERO, Duration.ofSeconds(10)));
    Duration retryAfter = n.get("backlogRetryAfter", duration(Duration.ofSeconds(1), Duration.ofHours(1)));
    if (n.clean() && batch > capacity) {
      n.reject("batchSize", batch, "must not exceed store.queueCapacity (" + capacity + ")");
    }
    return new StoreConfig(path, capacity, batch, delay, retryAfter);
  }
}
