package io.callflow.ops.headset;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.ops.Programs;
import io.callflow.ops.ServiceProcess;
import io.callflow.ops.sip.QualityReports;
import io.callflow.ops.sip.UdpSipClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headset pipeline end to end in the real service process ({@code bin/callflow run}):
 * desktop telemetry over HTTP and phone quality reports as SIP PUBLISH over UDP go in, the
 * {@code callflow_headset_*} and {@code callflow_call_mos} series come out on {@code /metrics},
 * and {@code promtool check metrics} finds nothing to complain about. Bad input on either
 * path is refused and leaves the service healthy.
 */
class HeadsetPipelineIT {

  private static final String AGENT = "a-1042";
  private static final String JSON = "application/json";
  /** The JVM's exit status after a SIGTERM it handled with its shutdown hooks: 128 + 15. */
  private static final int SIGTERM_EXIT = 143;

  @TempDir
  Path dir;

  @Test
  void telemetryAndQualityReportsBecomeLintCleanHeadsetAndMosSeriesAndBadInputIsRefused() throws Exception {
    try (ServiceProcess service = ServiceProcess.startReady(dir, "headset", dir.resolve("callflow.db"), "");
         UdpSipClient phone = new UdpSipClient(service.sipAddress())) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      HttpResponse<String> telemetry = service.post("/api/headset/telemetry", JSON, Bodies.batch(AGENT,
          Bodies.sampleAt(now.minusSeconds(30), 40, true), Bodies.sampleAt(now.minusSeconds(20), 40, true)));
      UdpSipClient.Reply first = phone.exchange(phone.request("PUBLISH", AGENT,
          QualityReports.sessionReport("it-1@192.0.2.1"), QualityReports.publishHeaders()));
      UdpSipClient.Reply second = phone.exchange(phone.request("PUBLISH", AGENT,
          QualityReports.sessionReport("it-2@192.0.2.1"), QualityReports.publishHeaders()));

      assertThat(telemetry.statusCode()).as(telemetry.body()).isEqualTo(200);
      assertThat(telemetry.body()).isEqualTo("{\"accepted\":2}");
      assertThat(List.of(first.status(), second.status())).containsExactly(200, 200);
      assertThat(first.header("SIP-ETag")).isPresent();
      assertThat(first.header("Expires")).hasValue("3600");

      HttpResponse<String> malformed = service.post("/api/headset/telemetry", JSON, "{\"schema\":1,");
      UdpSipClient.Reply garbage = phone.exchange(phone.request("PUBLISH", AGENT, "not a report\r\n",
          QualityReports.publishHeaders()));

      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(malformed.body()).contains("\"field\":\"$\"");
      assertThat(garbage.status()).isEqualTo(400);

      assertThat(service.get("/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> after = service.post("/api/headset/telemetry", JSON, Bodies.batch(AGENT,
          Bodies.sampleAt(now.minusSeconds(10), 41, true)));
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);

      String scrape = service.get("/metrics").body();
      assertThat(scrape)
          .contains("callflow_headset_connected{agent=\"" + AGENT + "\"} 1.0")
          .contains("callflow_headset_background_noise_dba{agent=\"" + AGENT + "\"} 41.0")
          .contains("callflow_headset_health{agent=\"" + AGENT + "\",state=\"ok\"} 1.0")
          .contains("callflow_headset_noise_dose_ratio{agent=\"" + AGENT + "\"}")
          .contains("callflow_headset_telemetry_batches_total{result=\"accepted\"} 2.0")
          .contains("callflow_headset_telemetry_batches_total{result=\"rejected\"} 1.0")
          .contains("callflow_call_mos_count{source=\"reported\"} 2")
          .contains("callflow_call_mos_bucket{source=\"reported\",le=\"4.03\"} 0")
          .contains("callflow_call_mos_bucket{source=\"reported\",le=\"4.34\"} 2") // MOS-LQ 4.2
          .contains("callflow_call_mos_bucket{source=\"reported\",le=\"+Inf\"} 2")
          .contains("callflow_call_quality_reports_total{result=\"counted\"} 2.0")
          .contains("callflow_call_quality_reports_total{result=\"rejected\"} 1.0");
      Path file = Files.writeString(dir.resolve("scrape.txt"), scrape);
      Programs.Result lint = Programs.run(Duration.ofSeconds(30), file, List.of("/usr/bin/promtool", "check", "metrics"));
      assertThat(lint.output()).isEmpty();
      assertThat(lint.exitCode()).isZero();

      assertThat(service.stop()).as(service.log()).isEqualTo(SIGTERM_EXIT);
    }
  }
}
