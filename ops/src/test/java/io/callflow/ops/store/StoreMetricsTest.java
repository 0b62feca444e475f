package io.callflow.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord.InfoCollected;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreMetricsTest {

  @TempDir
  Path dir;

  @Test
  void theStoreExportsItsMetersUnderCallflowStoreNames() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (SqliteCallRecordStore store =
        SqliteCallRecordStore.open(dir.resolve("r.db"), StoreSettings.defaults(), registry)) {
      store.append(new InfoCollected(new CallId("c"), Instant.EPOCH, "name", "Ann"))
          .get(10, TimeUnit.SECONDS);

      String scrape = registry.scrape();

      assertThat(scrape).contains(
          "# HELP callflow_store_queue_depth_records Records accepted by append and not yet committed\n"
              + "# TYPE callflow_store_queue_depth_records gauge\n"
              + "callflow_store_queue_depth_records 0.0\n",
          "# TYPE callflow_store_commit_batch_size_records summary\n"
              + "callflow_store_commit_batch_size_records_count 1\n"
              + "callflow_store_commit_batch_size_records_sum 1.0\n",
          "# TYPE callflow_store_commit_seconds summary\n",
          "# HELP callflow_store_written_records_total Records committed durably\n"
              + "# TYPE callflow_store_written_records_total counter\n"
              + "callflow_store_written_records_total 1.0\n",
          "# TYPE callflow_store_write_failures_records_total counter\n",
          "callflow_store_write_failures_records_total{reason=\"queue_full\"} 0.0\n",
          "callflow_store_write_failures_records_total{reason=\"commit_failed\"} 0.0\n");
    }
    assertThat(registry.scrape()).doesNotContain("callflow_store_");
  }
}
