package io.callflow.headset;

import io.callflow.headset.health.FaultType;
import io.callflow.headset.metrics.AgentReadings;
import io.callflow.headset.metrics.CallQualityMetrics;
import io.callflow.headset.metrics.FaultMetrics;
import io.callflow.headset.metrics.HeadsetDeviceMetrics;
import io.callflow.headset.metrics.HeadsetHealthMetrics;
import io.callflow.headset.metrics.MonitorActivityMetrics;
import io.callflow.headset.metrics.NoiseExposureMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Supplier;

/** The monitor's binders, bound together and told together when an agent appears or leaves. */
final class MonitorMetrics {

  final HeadsetDeviceMetrics device = new HeadsetDeviceMetrics();
  final NoiseExposureMetrics exposure = new NoiseExposureMetrics();
  final HeadsetHealthMetrics health = new HeadsetHealthMetrics();
  final CallQualityMetrics quality = new CallQualityMetrics();
  final MonitorActivityMetrics activity = new MonitorActivityMetrics();
  final FaultMetrics faults;

  MonitorMetrics(Supplier<Map<FaultType, Integer>> openByType) {
    this.faults = new FaultMetrics(openByType);
  }

  void bindTo(MeterRegistry registry) {
    device.bindTo(registry);
    exposure.bindTo(registry);
    health.bindTo(registry);
    quality.bindTo(registry);
    activity.bindTo(registry);
    faults.bindTo(registry);
  }

  void agentSeen(String agentId, AgentReadings readings) {
    device.agentSeen(agentId, readings);
    exposure.agentSeen(agentId, readings);
    health.agentSeen(agentId, readings);
  }

  void agentGone(String agentId) {
    device.agentGone(agentId);
    exposure.agentGone(agentId);
    health.agentGone(agentId);
  }
}
