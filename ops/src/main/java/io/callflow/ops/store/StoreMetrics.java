package io.callflow.ops.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The store's meters. After Prometheus conversion:
 *
 * <pre>
 * callflow_store_queue_depth_records                   gauge
 * callflow_store_commit_batch_size_records             summary (_count is the number of commits)
 * callflow_store_commit_seconds                        summary
 * callflow_store_written_records_total                 counter
 * callflow_store_write_failures_records_total{reason}  counter, reason = invalid, queue_full, closed,
 *                                                      interrupted, commit_failed
 * </pre>
 *
 * The meters are removed again on {@link #close()}, so a store reopened on the same registry
 * reports its own queue.
 */
final class StoreMetrics implements AutoCloseable {

  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();
  private final DistributionSummary batchSize;
  private final Timer commitTime;
  private final Counter written;
  private final Map<RecordStoreException.Reason, Counter> failures =
      new EnumMap<>(RecordStoreException.Reason.class);

  StoreMetrics(MeterRegistry registry, Collection<?> queue) {
    this.registry = registry;
    meters.add(Gauge.builder("callflow.store.queue.depth", queue, Collection::size)
        .strongReference(true)
        .baseUnit("records")
        .description("Records accepted by append and not yet committed")
        .register(registry));
    batchSize = add(DistributionSummary.builder("callflow.store.commit.batch.size")
        .baseUnit("records")
        .description("Records committed per transaction (group commit)")
        .register(registry));
    commitTime = add(Timer.builder("callflow.store.commit")
        .description("Time to write and commit one batch, fsync included")
        .register(registry));
    written = add(Counter.builder("callflow.store.written")
        .baseUnit("records")
        .description("Records committed durably")
        .register(registry));
    for (RecordStoreException.Reason reason : RecordStoreException.Reason.WRITE_FAILURES) {
      failures.put(reason, add(Counter.builder("callflow.store.write.failures")
          .tag("reason", reason.label())
          .baseUnit("records")
          .description("Records whose append future failed, by reason")
          .register(registry)));
    }
  }

  void committed(int records, long nanos) {
    batchSize.record(records);
    commitTime.record(nanos, TimeUnit.NANOSECONDS);
    written.increment(records);
  }

  void failed(RecordStoreException.Reason reason) {
    failures.get(reason).increment();
  }

  private <M extends Meter> M add(M meter) {
    meters.add(meter);
    return meter;
  }

  @Override
  public void close() {
    meters.forEach(registry::remove);
  }
}
