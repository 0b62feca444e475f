package io.callflow.bench.headset;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.store.RecoveredCall;
import io.callflow.core.time.ManualScheduler;
import io.callflow.headset.HeadsetMonitor;
import io.callflow.headset.IngestResult;
import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.fault.FaultListener;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Telemetry samples per second the headset monitor ingests: parse, validate and apply a
 * batch of {@value #SAMPLES} samples from one desktop (the JSON schema of
 * docs/headset-monitor.md), with health rules, noise dose and gauges updated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TelemetryIngestBenchmark {

  static final int SAMPLES = 50;
  private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  private HeadsetMonitor monitor;
  private byte[] batch;

  /**
   * A fresh monitor per iteration, and levels (60–62 dB(A) at the ear, 40–43 dB(A) noise) that
   * raise no condition, so every iteration measures the same steady path: the same batch
   * replayed only adds exposure energy, far from an action value within one iteration.
   */
  @Setup(Level.Iteration)
  public void newMonitor() {
    monitor = new HeadsetMonitor(MonitorSettings.defaults(), new ManualScheduler(START), new DiscardingStore(),
        FaultListener.NONE);
  }

  @Setup(Level.Trial)
  public void buildBatch() {
    Instant start = START;
    StringBuilder samples = new StringBuilder();
    for (int i = 0; i < SAMPLES; i++) {
      if (i > 0) {
        samples.append(',');
      }
      samples.append(String.format(Locale.ROOT, "{\"at\":\"%s\",\"periodSeconds\":2,\"connected\":true,"
          + "\"muted\":false,\"inCall\":true,\"batteryPercent\":%d,\"linkQuality\":0.93,"
          + "\"receivedLevelDba\":%.1f,\"backgroundNoiseDba\":%.1f,\"peakDbc\":112.0,\"acousticIncidents\":0}",
          start.plusSeconds(2L * i), 80 - i / 10, 60 + (i % 5) * 0.5, 40 + (i % 7) * 0.5));
    }
    batch = ("{\"schema\":1,\"agentId\":\"a-1042\",\"site\":\"hq\",\"seat\":\"3F-A12\","
        + "\"device\":{\"id\":\"hs-5c2e\",\"vendor\":\"Jabra\",\"model\":\"Evolve2 40\",\"firmware\":\"1.19.0\"},"
        + "\"samples\":[" + samples + "]}").getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  @OperationsPerInvocation(SAMPLES)
  public IngestResult ingestBatch() {
    return monitor.ingestTelemetry(batch);
  }

  /** The benchmark measures ingestion, not storage: records are dropped. */
  static final class DiscardingStore implements CallRecordStore {
    @Override
    public CompletableFuture<Void> append(CallRecord record) {
      return CompletableFuture.completedFuture(null);
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
}
