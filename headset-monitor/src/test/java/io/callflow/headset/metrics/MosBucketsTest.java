package io.callflow.headset.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.headset.quality.ScoreSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * Regression: the MOS histogram was a Micrometer summary, which rounds each value up to a
 * whole number before bucketing, so every MOS above 4 landed in +Inf and the finite buckets
 * stayed at zero.
 */
class MosBucketsTest {

  @Test
  void aMosBetweenTwoBoundsIsCountedInTheUpperBoundsBucketNotInInfinity() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MosHistogram histogram = MosHistogram.register(registry);

    histogram.observe(ScoreSource.REPORTED, 4.2);
    histogram.observe(ScoreSource.REPORTED, 3.0);

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("callflow_call_mos_bucket{source=\"reported\",le=\"2.58\"} 0\n")
        .contains("callflow_call_mos_bucket{source=\"reported\",le=\"3.1\"} 1\n")
        .contains("callflow_call_mos_bucket{source=\"reported\",le=\"4.03\"} 1\n")
        .contains("callflow_call_mos_bucket{source=\"reported\",le=\"4.34\"} 2\n")
        .contains("callflow_call_mos_bucket{source=\"reported\",le=\"+Inf\"} 2\n")
        .contains("callflow_call_mos_sum{source=\"reported\"} 7.2\n");
  }

  @Test
  void aRegistryWithoutPrometheusStillCountsEveryObservation() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MosHistogram histogram = MosHistogram.register(registry);

    histogram.observe(ScoreSource.ESTIMATED, 4.1);

    assertThat(registry.get("callflow.call.mos").tag("source", ScoreSource.ESTIMATED.label())
        .summary().count()).isEqualTo(1);
  }
}
