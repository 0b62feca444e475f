package io.callflow.headset.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A binder whose series are per agent: registered when the agent first reports, removed when
 * the agent logs out, so labels stay bounded by the agents logged in. Holds each agent's
 * {@link AgentReadings} strongly, as gauges only keep weak references.
 */
abstract class AgentSeriesBinder implements MeterBinder {

  private final Map<String, AgentReadings> readings = new ConcurrentHashMap<>();
  private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();
  private volatile MeterRegistry registry;

  @Override
  public final void bindTo(MeterRegistry target) {
    this.registry = target;
  }

  /** Registers the agent's series once, reading from {@code source}. */
  public final void agentSeen(String agentId, AgentReadings source) {
    MeterRegistry target = registry;
    if (target == null || readings.putIfAbsent(agentId, source) != null) {
      return;
    }
    meters.put(agentId, register(agentId, source, target));
  }

  /** Removes every series of the agent. */
  public void agentGone(String agentId) {
    readings.remove(agentId);
    List<Meter> gone = meters.remove(agentId);
    MeterRegistry target = registry;
    if (gone != null && target != null) {
      gone.forEach(target::remove);
    }
  }

  /** Creates the agent's meters in {@code target} and returns them. */
  abstract List<Meter> register(String agentId, AgentReadings source, MeterRegistry target);
}
