package io.callflow.headset.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-agent headset readings:
 *
 * <pre>
 * callflow_headset_connected{agent="a-1"} 1.0
 * callflow_headset_battery_ratio{agent="a-1"} 0.8
 * callflow_headset_background_noise_dba{agent="a-1"} 48.0
 * callflow_headset_disconnects_total{agent="a-1"} 2.0
 * callflow_headset_acoustic_incidents_total{agent="a-1"} 5.0
 * </pre>
 *
 * The connected indicator has no physical unit; its base unit is the name's last word so the
 * Prometheus name carries no made-up suffix.
 */
public final class HeadsetDeviceMetrics extends AgentSeriesBinder {

  private final Map<String, Counter> disconnects = new ConcurrentHashMap<>();
  private final Map<String, Counter> incidents = new ConcurrentHashMap<>();

  @Override
  List<Meter> register(String agentId, AgentReadings source, MeterRegistry target) {
    Tags tags = Tags.of("agent", agentId);
    Counter off = Counter.builder("callflow.headset.disconnects").tags(tags).baseUnit("disconnects")
        .description("Times the headset went from connected to disconnected").register(target);
    Counter peaks = Counter.builder("callflow.headset.acoustic.incidents").tags(tags).baseUnit("incidents")
        .description("Peak-limiting events reported by the headset").register(target);
    disconnects.put(agentId, off);
    incidents.put(agentId, peaks);
    return List.of(
        Gauge.builder("callflow.headset.connected", source, r -> r.connected).tags(tags).baseUnit("connected")
            .description("1 while the agent's headset is plugged in and reporting").register(target),
        Gauge.builder("callflow.headset.battery", source, r -> r.batteryRatio).tags(tags).baseUnit("ratio")
            .description("Battery charge of a wireless headset, 0-1").register(target),
        Gauge.builder("callflow.headset.background.noise", source, r -> r.noiseDba).tags(tags).baseUnit("dba")
            .description("Background noise at the agent's microphone, dB(A) L_Aeq of the last sample")
            .register(target),
        off, peaks);
  }

  public void disconnected(String agentId) {
    Counter counter = disconnects.get(agentId);
    if (counter != null) {
      counter.increment();
    }
  }

  public void acousticIncidents(String agentId, int count) {
    Counter counter = incidents.get(agentId);
    if (counter != null && count > 0) {
      counter.increment(count);
    }
  }

  @Override
  public void agentGone(String agentId) {
    disconnects.remove(agentId);
    incidents.remove(agentId);
    super.agentGone(agentId);
  }
}
