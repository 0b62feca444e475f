package io.callflow.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.ops.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks deploy/prometheus with the real {@code promtool}. */
class PrometheusAssetsIT {

  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Path DIR = Programs.repoRoot().resolve("deploy/prometheus");

  @TempDir Path tmp;

  private static Programs.Result promtool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    return Programs.run(LIMIT, null, command);
  }

  @Test
  void scrapeConfigIsValidAndFindsTheRules() throws Exception {
    Programs.Result r = promtool("check", "config", DIR.resolve("callflow.yml").toString());

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS: 1 rule files found");
  }

  @Test
  void alertRulesAreValid() throws Exception {
    Programs.Result r = promtool("check", "rules", DIR.resolve("callflow-rules.yml").toString());

    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  @Test
  void alertsFireForInstanceDownLineDownHeadsetFaultRefusedCallsAndMissingScrape() throws Exception {
    String template;
    try (InputStream in = PrometheusAssetsIT.class.getResourceAsStream("/prometheus/callflow-rules.test.yml")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path tests = Files.writeString(tmp.resolve("rules.test.yml"),
        template.replace("RULES", DIR.resolve("callflow-rules.yml").toString()));

    Programs.Result r = promtool("test", "rules", tests.toString());

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS");
  }
}
