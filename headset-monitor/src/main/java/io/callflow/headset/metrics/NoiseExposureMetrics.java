package io.callflow.headset.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * Per-agent daily noise exposure (EU 2003/10/EC):
 *
 * <pre>
 * callflow_headset_noise_dose_ratio{agent="a-1"} 0.5
 * callflow_headset_noise_lex8h_dba{agent="a-1"} 82.0
 * callflow_headset_telemetry_gap_seconds{agent="a-1"} 0.0
 * </pre>
 *
 * The dose counts measured time only; the gap gauge shows how much of the day had no
 * telemetry, so that a gap is never read as silence.
 */
public final class NoiseExposureMetrics extends AgentSeriesBinder {

  @Override
  List<Meter> register(String agentId, AgentReadings source, MeterRegistry target) {
    Tags tags = Tags.of("agent", agentId);
    return List.of(
        Gauge.builder("callflow.headset.noise.dose", source, r -> r.doseRatio).tags(tags).baseUnit("ratio")
            .description("Today's noise dose at the ear; 1.0 is L_EX,8h = 85 dB(A), the upper action value")
            .register(target),
        Gauge.builder("callflow.headset.noise.lex8h", source, r -> r.lex8hDba).tags(tags).baseUnit("dba")
            .description("Today's daily noise exposure level L_EX,8h at the ear, dB(A), measured time only")
            .register(target),
        Gauge.builder("callflow.headset.telemetry.gap", source, r -> r.gapSeconds).tags(tags).baseUnit("seconds")
            .description("Time today with no headset telemetry, not counted as silence").register(target));
  }
}
