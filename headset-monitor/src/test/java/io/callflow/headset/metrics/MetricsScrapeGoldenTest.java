package io.callflow.headset.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The full Prometheus scrape of the monitor's meters for a fixed state ({@link FixedState}), compared line for
 * line with {@code golden/headset-metrics.txt}. On a mismatch the actual text is written to
 * {@code target/headset-metrics.actual.txt} for review.
 */
class MetricsScrapeGoldenTest {

  @Test
  void theScrapeOfAFixedStateMatchesTheGoldenText() throws IOException {
    String actual = FixedState.scrape();
    String golden = golden();
    if (!actual.equals(golden)) {
      Files.writeString(Path.of("target", "headset-metrics.actual.txt"), actual);
    }
    assertThat(actual.lines()).containsExactlyElementsOf(golden.lines().toList());
  }

  private static String golden() throws IOException {
    try (InputStream in = Objects.requireNonNull(
        MetricsScrapeGoldenTest.class.getResourceAsStream("/golden/headset-metrics.txt"), "golden file")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
