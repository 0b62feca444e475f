package io.callflow.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class ConsoleMetersTest {

  @Test
  void scrapeShowsOpenSessionsAndDroppedMessagesUnderTheirDocumentedNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ConsoleMeters meters = new ConsoleMeters(registry);
    meters.opened();
    meters.opened();
    meters.closed();
    meters.droppedOne();

    assertThat(registry.scrape()).isEqualToIgnoringNewLines("""
        # HELP callflow_console_messages_dropped_total Console messages dropped because a tab could not keep up (oldest first)
        # TYPE callflow_console_messages_dropped_total counter
        callflow_console_messages_dropped_total 1.0
        # HELP callflow_console_sessions Open agent console WebSocket sessions (browser tabs)
        # TYPE callflow_console_sessions gauge
        callflow_console_sessions 1.0
        """);
    registry.close();
  }
}
