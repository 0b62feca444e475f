package io.callflow.headset;

import io.callflow.core.store.CallRecordStore;
import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.exposure.ExposureSummary;
import io.callflow.headset.exposure.WorkingDays;
import io.callflow.headset.fault.Fault;
import io.callflow.headset.fault.FaultBook;
import io.callflow.headset.fault.FaultListener;
import io.callflow.headset.fault.FaultStatus;
import io.callflow.headset.fault.FaultUpdate;
import io.callflow.headset.fault.HealthChange;
import io.callflow.headset.health.ConditionChange;
import io.callflow.headset.health.DeviceHealth;
import io.callflow.headset.health.FaultType;
import io.callflow.headset.health.HealthRules;
import io.callflow.headset.health.HealthState;
import io.callflow.headset.health.Observation;
import io.callflow.headset.health.Severity;
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
import io.callflow.headset.telemetry.TelemetrySample;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
  private final FaultListener listener;
  private final TelemetryParser telemetryParser;
  private final ShiftCheckParser shiftCheckParser;
  private final ShiftCheckEvaluator shiftCheckEvaluator;
  private final HealthRules rules;
  private final WorkingDays days;
  private final FaultBook faults;
  private final MonitorMetrics metrics;
  private final QualityReportInbox inbox;
  private final Map<String, AgentHeadset> agents = new HashMap<>();
  private volatile Map<FaultType, Integer> openSnapshot;
  private ScheduledTask nextRun;
  private boolean closed;

  public HeadsetMonitor(MonitorSettings settings, Scheduler scheduler, CallRecordStore store, FaultListener listener) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.listener = listener;
    this.telemetryParser = new TelemetryParser(settings.limits());
    this.shiftCheckParser = new ShiftCheckParser(settings.limits().maxBatchBytes());
    this.shiftCheckEvaluator = new ShiftCheckEvaluator(settings.shiftCheck());
    this.rules = new HealthRules(settings.thresholds());
    this.days = new WorkingDays(settings.day());
    this.faults = new FaultBook(store, listener, scheduler.clock().instant());
    this.openSnapshot = faults.notClosedByType();
    this.metrics = new MonitorMetrics(() -> openSnapshot);
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
      apply(batch, after);
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
      AgentHeadset agent = agent(report.agentId(), report.site(), report.seat());
      if (agent.device == null || !agent.device.deviceId().equals(report.deviceId())) {
        agent.device = new io.callflow.headset.telemetry.DeviceInfo(report.deviceId(), null, null, null);
        agent.health = new DeviceHealth(agent.agentId, settings);
      }
      Observation observation = result.passed() ? new Observation(FaultType.SHIFT_CHECK, null, null, true)
          : new Observation(FaultType.SHIFT_CHECK, Severity.FAULT, result.failures(), true);
      observe(agent, observation, scheduler.clock().instant(), after);
      reassess(agent, after);
    }
    after.forEach(Runnable::run);
    return new ShiftCheckOutcome.Judged(result);
  }

  /** Removes the agent's state and metric series; the agent's faults stay until closed. */
  public void agentLoggedOut(String agentId) {
    synchronized (this) {
      agents.remove(agentId);
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
    AgentHeadset agent = agents.get(agentId);
    if (agent == null) {
      return Optional.empty();
    }
    return Optional.of(new AgentView(agent.agentId, agent.site, agent.seat, agent.device,
        agent.health == null ? HealthState.DISCONNECTED : agent.health.state(), agent.exposure.summary(),
        agent.lastHeard));
  }

  /** One monitor run now: staleness check and last-run timestamp. */
  public void runOnce() {
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      for (AgentHeadset agent : agents.values()) {
        reassess(agent, after);
      }
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

  private void apply(TelemetryBatch batch, List<Runnable> after) {
    Instant now = scheduler.clock().instant();
    AgentHeadset agent = agent(batch.agentId(), batch.site(), batch.seat());
    if (agent.device == null || !agent.device.deviceId().equals(batch.device().deviceId())) {
      agent.health = new DeviceHealth(agent.agentId, settings);
    }
    agent.device = batch.device();
    for (TelemetrySample sample : batch.samples()) {
      boolean wasConnected = agent.health.connected();
      int changes = agent.health.connection(sample.connected(), sample.at());
      if (wasConnected && !sample.connected()) {
        metrics.device.disconnected(agent.agentId);
      }
      agent.exposure.add(sample.at(), sample.period(), sample.connected() ? sample.receivedLevelDba() : null,
          sample.peakDbc());
      if (sample.connected()) {
        for (Observation observation : rules.ofSample(sample, agent.health.active(FaultType.NOISE), changes)) {
          observe(agent, observation, now, after);
        }
        agent.readings.noiseDba = sample.backgroundNoiseDba();
        metrics.device.acousticIncidents(agent.agentId, sample.acousticIncidents());
      } else {
        observe(agent, rules.poorContact(changes), now, after);
      }
      agent.readings.connected = sample.connected() ? 1 : 0;
      agent.readings.batteryRatio = sample.batteryRatio() == null ? Double.NaN : sample.batteryRatio();
    }
    ExposureSummary day = agent.exposure.summary();
    observe(agent, rules.ofExposure(day), now, after);
    agent.readings.doseRatio = day.measured().isZero() ? Double.NaN : day.doseRatio();
    agent.readings.lex8hDba = day.measured().isZero() ? Double.NaN : day.lex8hDba();
    agent.readings.gapSeconds = day.gapTotal().toMillis() / 1000.0;
    agent.lastHeard = now;
    reassess(agent, after);
  }

  private AgentHeadset agent(String agentId, String site, String seat) {
    AgentHeadset agent = agents.get(agentId);
    if (agent == null) {
      agent = new AgentHeadset(agentId, settings, days);
      agent.health = new DeviceHealth(agentId, settings);
      agents.put(agentId, agent);
      metrics.agentSeen(agentId, agent.readings);
    }
    agent.site = site;
    agent.seat = seat;
    return agent;
  }

  private void observe(AgentHeadset agent, Observation observation, Instant at, List<Runnable> after) {
    ConditionChange change = agent.health.observe(observation);
    FaultType type = observation.type();
    if (change == ConditionChange.RAISED || change == ConditionChange.ESCALATED) {
      faults.raise(agent.place(), type, agent.health.active(type), agent.health.evidence(type), at, after);
      metrics.faults.raised(type);
      openSnapshot = faults.notClosedByType();
    } else if (change == ConditionChange.CLEARED) {
      faults.clear(agent.agentId, type, at, after);
    }
  }

  private void reassess(AgentHeadset agent, List<Runnable> after) {
    Instant now = scheduler.clock().instant();
    boolean stale = agent.lastHeard == null
        || Duration.between(agent.lastHeard, now).compareTo(settings.timing().disconnectedAfter()) > 0;
    HealthState next = agent.health.assess(stale);
    HealthState previous = agent.health.moveTo(next);
    agent.readings.state = next;
    if (stale) {
      agent.readings.connected = 0;
    }
    if (previous != null) {
      List<Fault> active = new ArrayList<>();
      for (FaultType type : FaultType.values()) {
        Fault fault = faults.current(agent.agentId, type);
        if (fault != null && fault.status() != FaultStatus.CLEARED) {
          active.add(fault);
        }
      }
      HealthChange change = new HealthChange(now, agent.agentId, agent.site, agent.seat,
          agent.device == null ? null : agent.device.deviceId(), previous, next, active);
      after.add(() -> listener.onHealthChanged(change));
    }
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
        AgentHeadset agent = agents.get(quality.agentId());
        if (agent != null) {
          observe(agent, rules.ofQuality(quality), scheduler.clock().instant(), after);
          reassess(agent, after);
        }
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
