package io.callflow.headset.metrics;

import io.callflow.headset.quality.ScoreSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.EnumMap;
import java.util.Map;

/**
 * Call MOS as a histogram with the bucket bounds 2.58, 3.10, 3.60, 4.03 and 4.34: the MOS of
 * R = 50, 60, 70, 80 and 90 (ITU-T G.107 Annex B), so buckets line up with the G.109 bands.
 *
 * <p>Micrometer cannot carry these bounds: its fixed-boundary histogram rounds every recorded
 * value up to a whole number before choosing a bucket
 * ({@code TimeWindowFixedBoundaryHistogram.recordDouble} uses {@code Math.ceil}), which
 * would put a MOS of 4.2 in {@code +Inf}. On a {@link PrometheusMeterRegistry} the histogram
 * is therefore registered natively in the registry's Prometheus client registry, where values
 * are bucketed as they are; any other registry gets a bucketless summary (count, sum, max).
 *
 * <pre>
 * # TYPE callflow_call_mos histogram
 * callflow_call_mos_bucket{source="reported",le="4.03"} 0
 * callflow_call_mos_bucket{source="reported",le="4.34"} 1
 * callflow_call_mos_count{source="reported"} 1
 * callflow_call_mos_sum{source="reported"} 4.2
 * </pre>
 */
final class MosHistogram {

  static final String NAME = "callflow_call_mos";
  static final double[] BOUNDS = {2.58, 3.10, 3.60, 4.03, 4.34};
  private static final String HELP =
      "Call MOS, listening quality as reported by the phone or estimated by the G.107 E-model";

  private final Histogram prometheus;
  private final Map<ScoreSource, DistributionSummary> fallback;

  private MosHistogram(Histogram prometheus, Map<ScoreSource, DistributionSummary> fallback) {
    this.prometheus = prometheus;
    this.fallback = fallback;
  }

  static MosHistogram register(MeterRegistry registry) {
    if (registry instanceof PrometheusMeterRegistry prometheusRegistry) {
      Histogram histogram = Histogram.builder().name(NAME).help(HELP).labelNames("source")
          .classicUpperBounds(BOUNDS).classicOnly()
          .withoutExemplars().build(); // exemplars would need a tracer on the class path
      prometheusRegistry.getPrometheusRegistry().register(histogram);
      for (ScoreSource source : ScoreSource.values()) {
        histogram.labelValues(source.label()); // each series exported from the start, at zero
      }
      return new MosHistogram(histogram, Map.of());
    }
    Map<ScoreSource, DistributionSummary> summaries = new EnumMap<>(ScoreSource.class);
    for (ScoreSource source : ScoreSource.values()) {
      summaries.put(source, DistributionSummary.builder("callflow.call.mos").baseUnit("mos")
          .tag("source", source.label()).description(HELP).register(registry));
    }
    return new MosHistogram(null, summaries);
  }

  void observe(ScoreSource source, double mos) {
    if (prometheus != null) {
      prometheus.labelValues(source.label()).observe(mos);
    } else {
      fallback.get(source).record(mos);
    }
  }
}
