package io.callflow.headset;

import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.exposure.ExposureSummary;
import io.callflow.headset.exposure.WorkingDays;
import io.callflow.headset.fault.Fault;
import io.callflow.headset.fault.FaultBook;
import io.callflow.headset.fault.FaultListener;
import io.callflow.headset.fault.FaultStatus;
import io.callflow.headset.fault.HealthChange;
import io.callflow.headset.health.ConditionChange;
import io.callflow.headset.health.DeviceHealth;
import io.callflow.headset.health.FaultType;
import io.callflow.headset.health.HealthRules;
import io.callflow.headset.health.HealthState;
import io.callflow.headset.health.Observation;
import io.callflow.headset.health.Severity;
import io.callflow.headset.quality.CallQuality;
import io.callflow.headset.shiftcheck.ShiftCheckResult;
import io.callflow.headset.telemetry.DeviceInfo;
import io.callflow.headset.telemetry.TelemetryBatch;
import io.callflow.headset.telemetry.TelemetrySample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-agent side of the monitor: applies validated input to each agent's device health
 * and exposure, raises and clears faults, and moves health states. Not thread-safe: every
 * method runs under the {@link HeadsetMonitor}'s lock; listener calls are queued in
 * {@code after} for the monitor to run once the lock is released.
 */
final class HeadsetTracker {

  private final MonitorSettings settings;
  private final HealthRules rules;
  private final WorkingDays days;
  private final FaultBook faults;
  private final FaultListener listener;
  private final MonitorMetrics metrics;
  private final Map<String, AgentHeadset> agents = new HashMap<>();

  HeadsetTracker(MonitorSettings settings, FaultBook faults, FaultListener listener, MonitorMetrics metrics) {
    this.settings = settings;
    this.rules = new HealthRules(settings.thresholds());
    this.days = new WorkingDays(settings.day());
    this.faults = faults;
    this.listener = listener;
    this.metrics = metrics;
  }

  void applyTelemetry(TelemetryBatch batch, Instant now, List<Runnable> after) {
    AgentHeadset agent = agent(batch.agentId(), batch.site(), batch.seat(), batch.device());
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
    reassess(agent, now, after);
  }

  void applyShiftCheck(ShiftCheckResult result, Instant now, List<Runnable> after) {
    var report = result.report();
    DeviceInfo device = new DeviceInfo(report.deviceId(), null, null, null);
    AgentHeadset agent = agent(report.agentId(), report.site(), report.seat(), device);
    observe(agent, result.passed() ? new Observation(FaultType.SHIFT_CHECK, null, null, true)
        : new Observation(FaultType.SHIFT_CHECK, Severity.FAULT, result.failures(), true), now, after);
    reassess(agent, now, after);
  }

  /** Low MOS for the reporting agent's headset; reports for agents not logged in are only metrics. */
  void applyQuality(CallQuality quality, Instant now, List<Runnable> after) {
    AgentHeadset agent = quality.agentId() == null ? null : agents.get(quality.agentId());
    if (agent != null) {
      observe(agent, rules.ofQuality(quality), now, after);
      reassess(agent, now, after);
    }
  }

  void reassessAll(Instant now, List<Runnable> after) {
    for (AgentHeadset agent : agents.values()) {
      reassess(agent, now, after);
    }
  }

  void remove(String agentId) {
    agents.remove(agentId);
  }

  AgentView view(String agentId) {
    AgentHeadset agent = agents.get(agentId);
    return agent == null ? null : new AgentView(agent.agentId, agent.site, agent.seat, agent.device,
        agent.health.state(), agent.exposure.summary(), agent.lastHeard);
  }

  /** The agent's record, created on first sight; a different device starts with fresh health data. */
  private AgentHeadset agent(String agentId, String site, String seat, DeviceInfo device) {
    AgentHeadset agent = agents.get(agentId);
    if (agent == null) {
      agent = new AgentHeadset(agentId, settings, days);
      agents.put(agentId, agent);
      metrics.agentSeen(agentId, agent.readings);
    }
    if (agent.health == null || agent.device == null || !agent.device.deviceId().equals(device.deviceId())) {
      agent.health = new DeviceHealth(agentId, settings);
      agent.device = device;
    } else if (device.vendor() != null) {
      agent.device = device;
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
    } else if (change == ConditionChange.CLEARED) {
      faults.clear(agent.agentId, type, at, after);
    }
  }

  private void reassess(AgentHeadset agent, Instant now, List<Runnable> after) {
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
}
