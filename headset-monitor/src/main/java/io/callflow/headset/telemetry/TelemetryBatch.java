package io.callflow.headset.telemetry;

import java.util.List;

/** One POST from an agent's desktop: who, where, which headset, and samples oldest first. */
public record TelemetryBatch(String agentId, String site, String seat, DeviceInfo device,
    List<TelemetrySample> samples) {

  public TelemetryBatch {
    samples = List.copyOf(samples);
  }
}
