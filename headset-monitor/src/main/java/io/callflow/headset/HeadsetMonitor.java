package io.callflow.headset;

import io.callflow.core.store.CallRecordStore;
import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.fault.Fault;
import io.callflow.headset.fault.FaultBook;
import io.callflow.headset.fault.FaultListener;
import io.callflow.headset.fault.FaultStatus;
import io.callflow.headset.fault.FaultUpdate;
import io.callflow.headset.health.FaultType;
import io.callflow.headset.json.ParseResult;
import io.callflow.headset.quality.CallQuality;
import io.callflow.headset.quality.QualityReportInbox;
import io.callflow.headset.quality.QualitySink;
import io.callflow.headset.shiftcheck.ShiftCheckEvaluator;
import io.callflow.headset.shiftcheck.ShiftCheckParser;
import io.callflow.headset.shiftcheck.ShiftCheckReport;
import io.callflow.headset.shiftcheck.ShiftCheckResult;
import io.callflow.headset.telemetry.TelemetryBatch;
import io.callflow.headset.telemetry.TelemetryParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The headset and audio-quality monitor: the entry points ops and the SIP side call.
 *
 * <ul>
 *   <li>{@link #ingestTelemetry} – a desktop's JSON batch (HTTP POST), all or nothing;
 *   <li>{@link #ingestShiftCheck} – the headset part of the start-of-shift check;
 *   <li>{@link #qualityInbox()} – SIP PUBLISH vq-rtcpxr reports;
 *   <li>{@link #acknowledge} / {@link #close} – fault status changes from the API;
 *   <li>{@link #agentLoggedOut} – drops the agent's state and metric series.
 * </ul>
 *
 * A periodic run on the {@link Scheduler} marks devices with no telemetry for
 * {@code disconnectedAfter} DISCONNECTED. All state changes happen under one lock; listener
 * calls and record-store hand-offs run after it is released.
 */
public final class HeadsetMonitor implements MeterBinder, AutoCloseable {

  private final MonitorSettings settings;
  private final Scheduler scheduler;
  private final TelemetryParser telemetryParser;
  private final ShiftCheckParser shiftCheckParser;
  private final ShiftCheckEvaluator shiftCheckEvaluator;
  private final FaultBook faults;
  private final MonitorMetrics metrics;
  private final QualityReportInbox inbox;
  private final HeadsetTracker tracker;
  private volatile Map<FaultType, Integer> openSnapshot;
  private ScheduledTask nextRun;
  private boolean closed;

  public HeadsetMonitor(MonitorSettings settings, Scheduler scheduler, CallRecordStore store, FaultListener listener) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.telemetryParser = new TelemetryParser(settings.limits());
    this.shiftCheckParser = new ShiftCheckParser(settings.limits().maxBatchBytes());
    this.shiftCheckEvaluator = new ShiftCheckEvaluator(settings.shiftCheck());
    this.faults = new FaultBook(store, listener, scheduler.clock().instant());
    this.openSnapshot = faults.notClosedByType();
    this.metrics = new MonitorMetrics(() -> openSnapshot);
    this.tracker = new HeadsetTracker(settings, faults, listener, metrics);
    this.inbox = new QualityReportInbox(settings, scheduler, new Sink());
  }

  /** Registers every meter of the monitor; per-agent series appear as agents report. */
  @Override
  public void bindTo(MeterRegistry registry) {
    metrics.bindTo(registry);
  }

  /** Starts the periodic monitor run. */
  public synchronized void start() {
    if (nextRun == null && !closed) {
      nextRun = scheduler.schedule(settings.timing().monitorInterval(), this::periodicRun);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (nextRun != null) {
      nextRun.cancel();
    }
  }

  /** The SIP side's entry point for PUBLISH vq-rtcpxr. */
  public QualityReportInbox qualityInbox() {
    return inbox;
  }

  /** Applies a telemetry batch, or rejects it whole naming the bad field. */
  public IngestResult ingestTelemetry(byte[] body) {
    ParseResult<TelemetryBatch> parsed = telemetryParser.parse(body, scheduler.clock().instant());
    if (parsed instanceof ParseResult.Invalid<TelemetryBatch> invalid) {
      metrics.activity.batchRejected();
      return new IngestResult.Rejected(invalid.field(), invalid.reason());
    }
    TelemetryBatch batch = ((ParseResult.Ok<TelemetryBatch>) parsed).value();
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      tracker.applyTelemetry(batch, scheduler.clock().instant(), after);
      openSnapshot = faults.notClosedByType();
    }
    after.forEach(Runnable::run);
    metrics.activity.batchAccepted(batch.samples().size());
    return new IngestResult.Accepted(batch.samples().size());
  }

  /** Judges a start-of-shift headset check; a failed check raises a SHIFT_CHECK fault, a pass clears it. */
  public ShiftCheckOutcome ingestShiftCheck(byte[] body) {
    ParseResult<ShiftCheckReport> parsed = shiftCheckParser.parse(body);
    if (parsed instanceof ParseResult.Invalid<ShiftCheckReport> invalid) {
      return new ShiftCheckOutcome.Rejected(invalid.field(), invalid.reason());
    }
    ShiftCheckReport report = ((ParseResult.Ok<ShiftCheckReport>) parsed).value();
    ShiftCheckResult result = shiftCheckEvaluator.evaluate(report);
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      tracker.applyShiftCheck(result, scheduler.clock().instant(), after);
      openSnapshot = faults.notClosedByType();
    }
    after.forEach(Runnable::run);
    return new ShiftCheckOutcome.Judged(result);
  }

  /** Removes the agent's state and metric series; the agent's faults stay until closed. */
  public void agentLoggedOut(String agentId) {
    synchronized (this) {
      tracker.remove(agentId);
    }
    metrics.agentGone(agentId);
  }

  public FaultUpdate acknowledge(String faultId, String by) {
    return changeFault(faultId, FaultStatus.ACKNOWLEDGED, by);
  }

  public FaultUpdate close(String faultId, String by) {
    return changeFault(faultId, FaultStatus.CLOSED, by);
  }

  /** Faults not yet closed, oldest first. */
  public synchronized List<Fault> openFaults() {
    return faults.notClosed();
  }

  public synchronized Optional<AgentView> agent(String agentId) {
    return Optional.ofNullable(tracker.view(agentId));
  }

  /** One monitor run now: staleness check and last-run timestamp. */
  public void runOnce() {
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      tracker.reassessAll(scheduler.clock().instant(), after);
    }
    after.forEach(Runnable::run);
    metrics.activity.ran(scheduler.nowMillis());
  }

  private void periodicRun() {
    synchronized (this) {
      nextRun = closed ? null : scheduler.schedule(settings.timing().monitorInterval(), this::periodicRun);
    }
    runOnce();
  }

  private FaultUpdate changeFault(String faultId, FaultStatus next, String by) {
    List<Runnable> after = new ArrayList<>();
    FaultUpdate update;
    synchronized (this) {
      update = faults.change(faultId, next, by, scheduler.clock().instant(), after);
      openSnapshot = faults.notClosedByType();
    }
    after.forEach(Runnable::run);
    return update;
  }

  /** Feeds counted call-quality reports into the metrics and the reporting agent's device health. */
  private final class Sink implements QualitySink {
    @Override
    public void counted(CallQuality quality) {
      metrics.quality.counted(quality);
      if (quality.agentId() == null) {
        return;
      }
      List<Runnable> after = new ArrayList<>();
      synchronized (HeadsetMonitor.this) {
        tracker.applyQuality(quality, scheduler.clock().instant(), after);
        openSnapshot = faults.notClosedByType();
      }
      after.forEach(Runnable::run);
    }

    @Override
    public void duplicate() {
      metrics.quality.notCounted("duplicate");
    }

    @Override
    public void rejected(String reason) {
      metrics.quality.notCounted("rejected");
    }
  }
}
