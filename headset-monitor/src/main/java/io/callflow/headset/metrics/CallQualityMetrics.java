package io.callflow.headset.metrics;

import io.callflow.headset.quality.CallQuality;
import io.callflow.headset.quality.Score;
import io.callflow.headset.quality.ScoreSource;
import io.callflow.headset.quality.VqReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;

/**
 * Call quality from the phones' vq-rtcpxr reports: one observation per call and source, taken
 * from its session report (interval and alert reports are counted but not observed, so a call
 * is never observed twice). MOS buckets are the MOS of R = 50, 60, 70, 80, 90 (G.107 Annex B); R buckets are the
 * G.109 quality bands. Reported and estimated values never share a series.
 *
 * <pre>
 * callflow_call_mos_bucket{source="reported",le="2.58"} 0
 * callflow_call_r_factor_bucket{source="estimated",le="50.0"} 0
 * callflow_call_jitter_seconds_count 1
 * callflow_call_expected_packets_total{basis="estimated"} 6950.0
 * callflow_call_quality_reports_total{result="counted"} 1.0
 * </pre>
 */
public final class CallQualityMetrics implements MeterBinder {

  /** Whole numbers, so Micrometer's rounding up before bucketing cannot move a value across one. */
  static final double[] R_BOUNDS = {50, 60, 70, 80, 90};

  private MosHistogram mos;
  private final Map<ScoreSource, DistributionSummary> rFactor = new EnumMap<>(ScoreSource.class);
  private final Map<String, Counter> reports = new java.util.HashMap<>();
  private DistributionSummary jitter;
  private Counter expected;
  private Counter lost;
  private Counter discarded;

  @Override
  public void bindTo(MeterRegistry registry) {
    mos = MosHistogram.register(registry);
    for (ScoreSource source : ScoreSource.values()) {
      rFactor.put(source, DistributionSummary.builder("callflow.call.r.factor").tag("source", source.label())
          .baseUnit("factor").description("Call R-factor, reported by the phone or estimated by the G.107 E-model")
          .serviceLevelObjectives(R_BOUNDS).register(registry));
    }
    jitter = DistributionSummary.builder("callflow.call.jitter").baseUnit("seconds")
        .description("Inter-arrival jitter reported per call").register(registry);
    expected = packets(registry, "callflow.call.expected.packets", "RTP packets expected, estimated from rate and duration");
    lost = packets(registry, "callflow.call.lost.packets", "RTP packets lost in the network, estimated from the loss rate");
    discarded = packets(registry, "callflow.call.discarded.packets", "RTP packets discarded by the jitter buffer, estimated");
    for (String result : new String[] {"counted", "duplicate", "rejected"}) {
      reports.put(result, Counter.builder("callflow.call.quality.reports").tag("result", result).baseUnit("reports")
          .description("vq-rtcpxr reports received, by whether they were counted").register(registry));
    }
  }

  private static Counter packets(MeterRegistry registry, String name, String description) {
    return Counter.builder(name).tag("basis", "estimated").baseUnit("packets").description(description)
        .register(registry);
  }

  public void counted(CallQuality quality) {
    if (jitter == null) {
      return;
    }
    reports.get("counted").increment();
    if (quality.report().type() != VqReport.Type.SESSION) {
      return;
    }
    for (Score score : quality.scores()) {
      if (score.mos() != null) {
        mos.observe(score.source(), score.mos());
      }
      if (score.rFactor() != null) {
        rFactor.get(score.source()).record(score.rFactor());
      }
    }
    if (quality.jitterSeconds() != null) {
      jitter.record(quality.jitterSeconds());
    }
    if (quality.packets() != null) {
      expected.increment(quality.packets().expected());
      lost.increment(quality.packets().lost());
      discarded.increment(quality.packets().discarded());
    }
  }

  public void notCounted(String result) {
    Counter counter = reports.get(result);
    if (counter != null) {
      counter.increment();
    }
  }
}
