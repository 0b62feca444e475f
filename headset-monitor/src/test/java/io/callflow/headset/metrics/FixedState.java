package io.callflow.headset.metrics;

import io.callflow.core.time.ManualScheduler;
import io.callflow.headset.HeadsetMonitor;
import io.callflow.headset.InMemoryRecordStore;
import io.callflow.headset.RecordingListener;
import io.callflow.headset.Reports;
import io.callflow.headset.Telemetry;
import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.quality.PublishRequest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** A monitor driven into one fixed state, for the scrape tests. */
final class FixedState {

  private FixedState() {}

  /** The Prometheus scrape of that state. */
  static String scrape() {
    Instant nine = Instant.parse("2026-01-05T09:00:00Z");
    ManualScheduler scheduler = new ManualScheduler(nine);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HeadsetMonitor monitor = new HeadsetMonitor(MonitorSettings.defaults(), scheduler, new InMemoryRecordStore(),
        new RecordingListener());
    monitor.bindTo(registry);

    // a-1: three 10 s samples at 72 dB(A) received, 70 dB(A) background noise: a NOISE fault.
    monitor.ingestTelemetry(Telemetry.batch("a-1").sample(nine, 72, 70, true).sample(nine.plusSeconds(10), 72, 70, true)
        .sample(nine.plusSeconds(20), 72, 70, true).bytes());
    // a-2 reports, then logs out: none of its series may remain.
    monitor.ingestTelemetry(Telemetry.batch("a-2").sample(nine, 70, 40, false).bytes());
    monitor.agentLoggedOut("a-2");
    // One report with the phone's MOS-LQ, one without (estimated), one duplicate, one garbage.
    monitor.qualityInbox().accept(PublishRequest.initial(Reports.SESSION_REPORT, "a-1"));
    monitor.qualityInbox().accept(PublishRequest.initial(Reports.NO_MOS_REPORT, "a-1"));
    monitor.qualityInbox().accept(PublishRequest.initial(Reports.SESSION_REPORT, "a-1"));
    monitor.qualityInbox().accept("garbage");
    // A bad telemetry batch.
    monitor.ingestTelemetry("{}".getBytes(StandardCharsets.UTF_8));
    scheduler.advance(Duration.ofSeconds(30));
    monitor.runOnce();
    return registry.scrape();
  }
}
