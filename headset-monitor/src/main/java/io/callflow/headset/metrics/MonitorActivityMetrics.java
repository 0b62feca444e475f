package io.callflow.headset.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The monitor's own activity (procedure 4.3 a, "check equipment periodically"):
 *
 * <pre>
 * callflow_headset_monitor_last_run_timestamp_seconds 1.7674128E9
 * callflow_headset_telemetry_batches_total{result="accepted"} 10.0
 * callflow_headset_telemetry_batches_total{result="rejected"} 1.0
 * callflow_headset_telemetry_samples_total 120.0
 * </pre>
 */
public final class MonitorActivityMetrics implements MeterBinder {

  private final AtomicLong lastRunMillis = new AtomicLong();
  private Counter accepted;
  private Counter rejected;
  private Counter samples;

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("callflow.headset.monitor.last.run.timestamp", lastRunMillis, millis -> millis.get() / 1000.0)
        .baseUnit("seconds").description("When the periodic headset monitor run last finished, Unix time")
        .register(registry);
    accepted = batches(registry, "accepted");
    rejected = batches(registry, "rejected");
    samples = Counter.builder("callflow.headset.telemetry.samples").baseUnit("samples")
        .description("Telemetry samples applied").register(registry);
  }

  private static Counter batches(MeterRegistry registry, String result) {
    return Counter.builder("callflow.headset.telemetry.batches").tag("result", result).baseUnit("batches")
        .description("Telemetry batches received, by whether they were accepted").register(registry);
  }

  public void ran(long atMillis) {
    lastRunMillis.set(atMillis);
  }

  public void batchAccepted(int sampleCount) {
    if (accepted != null) {
      accepted.increment();
      samples.increment(sampleCount);
    }
  }

  public void batchRejected() {
    if (rejected != null) {
      rejected.increment();
    }
  }
}
