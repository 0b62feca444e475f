package io.callflow.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The whole stack's scrape after a real OPTIONS exchange passes {@code promtool check metrics} silently. */
class SipStackPromtoolIT {

  @Test
  void scrapeOfTheRunningStackPassesPromtoolSilently() throws Exception {
    String scrape = StackScrape.afterOneOptions().scrape();

    Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    try {
      try (OutputStream in = promtool.getOutputStream()) {
        in.write(scrape.getBytes(StandardCharsets.UTF_8));
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      try (InputStream out = promtool.getInputStream()) {
        out.transferTo(output);
      }
      assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).as("promtool ended").isTrue();
      assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(promtool.exitValue()).isZero();
    } finally {
      promtool.destroyForcibly();
    }
  }
}
