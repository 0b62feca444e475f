package io.callflow.headset.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real {@code promtool check metrics} finds nothing to complain about in the monitor's scrape. */
class MetricsPromtoolIT {

  @Test
  void promtoolIsSilentOnTheScrape() throws IOException, InterruptedException {
    Path scrape = Files.createTempFile("headset-scrape", ".txt");
    Path output = Files.createTempFile("headset-promtool", ".txt");
    try {
      Files.writeString(scrape, FixedState.scrape());
      Process promtool = new ProcessBuilder("promtool", "check", "metrics")
          .redirectInput(scrape.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      boolean finished = promtool.waitFor(60, TimeUnit.SECONDS);
      if (!finished) {
        promtool.destroyForcibly();
      }
      assertThat(finished).as("promtool finished").isTrue();
      assertThat(Files.readString(output, StandardCharsets.UTF_8)).isEmpty();
      assertThat(promtool.exitValue()).isZero();
    } finally {
      Files.deleteIfExists(scrape);
      Files.deleteIfExists(output);
    }
  }
}
