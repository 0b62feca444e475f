package io.callflow.headset.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.headset.Reports;
import io.callflow.headset.json.ParseResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VqRtcpxrParserTest {

  private static final String SESSION_REPORT = Reports.SESSION_REPORT;

  private final VqRtcpxrParser parser = new VqRtcpxrParser(16 << 10);

  private ParseResult.Invalid<VqReport> rejected(String body) {
    ParseResult<VqReport> result = parser.parse(body);
    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    return (ParseResult.Invalid<VqReport>) result;
  }

  @Test
  void anRfc6035SessionReportIsReadFromItsLocalMetrics() {
    VqReport report = ((ParseResult.Ok<VqReport>) parser.parse(SESSION_REPORT)).value();
    assertThat(report.type()).isEqualTo(VqReport.Type.SESSION);
    assertThat(report.callTerm()).isTrue();
    assertThat(report.callId()).isEqualTo("6dwd3r2d3fs@192.0.2.1");
    assertThat(report.duration()).isEqualTo(Duration.ofSeconds(139));
    assertThat(report.session()).isEqualTo(new VqReport.SessionDesc(18, "G729", 20, 2, 50.0, 3));
    VqReport.Metrics m = report.local();
    assertThat(m.networkLossPercent()).isEqualTo(5.0);
    assertThat(m.discardPercent()).isEqualTo(2.0);
    assertThat(m.gapDensityPercent()).isEqualTo(2.0);
    assertThat(m.gapDurationMs()).isEqualTo(500);
    assertThat(m.jitterBufferNominalMs()).isEqualTo(40);
    assertThat(m.jitterBufferAbsMaxMs()).isEqualTo(120);
    assertThat(m.roundTripMs()).isEqualTo(200);
    assertThat(m.endSystemMs()).isEqualTo(140);
    assertThat(m.interarrivalJitterMs()).isEqualTo(2);
    assertThat(m.mosLq()).isEqualTo(4.2);
    assertThat(m.mosCq()).isEqualTo(4.3);
    assertThat(m.oneWayDelayMs()).isEqualTo(200.0);
  }

  @Test
  void bareLineFeedsAreAcceptedToo() {
    assertThat(parser.parse(SESSION_REPORT.replace("\r\n", "\n"))).isInstanceOf(ParseResult.Ok.class);
  }

  @Test
  void garbageIsRejectedForItsFirstLine() {
    assertThat(rejected("GET / HTTP/1.1\r\nHost: x\r\n").message())
        .isEqualTo("report type: first line must be VQSessionReport, VQIntervalReport or VQAlertReport");
    assertThat(rejected("\u0000\u0001\u00ff binary").field()).isEqualTo("report type");
  }

  @Test
  void anEmptyBodyIsRejected() {
    assertThat(rejected("").message()).isEqualTo("body: is empty: expected an application/vq-rtcpxr report");
  }

  @Test
  void aReportWithoutCallIdIsRejected() {
    assertThat(rejected(SESSION_REPORT.replace("CallID: 6dwd3r2d3fs@192.0.2.1\r\n", "")).message())
        .isEqualTo("CallID: is required (RFC 6035 §4.3)");
  }

  @Test
  void aReportWithoutLocalMetricsIsRejected() {
    assertThat(rejected("VQIntervalReport\r\nCallID: x@y\r\n").field()).isEqualTo("LocalMetrics");
  }

  @Test
  void aMalformedValueIsNamedByLineAndParameter() {
    assertThat(rejected(SESSION_REPORT.replace("NLR=5.0", "NLR=five")).message())
        .isEqualTo("PacketLoss.NLR: 'five' is not a number");
    assertThat(rejected(SESSION_REPORT.replace("MOSLQ=4.2", "MOSLQ=7.5")).message())
        .isEqualTo("QualityEst.MOSLQ: 7.5 is out of range 1.0 to 5.0");
    assertThat(rejected(SESSION_REPORT.replace("START=2026-01-05T09:00:00Z STOP", "START=yesterday STOP")).message())
        .isEqualTo("Timestamps.START: 'yesterday' is not an ISO 8601 timestamp");
  }

  @Test
  void aLineThatIsNotNameColonValueIsRejected() {
    assertThat(rejected(SESSION_REPORT.replace("JitterBuffer: ", "JitterBuffer ")).message())
        .isEqualTo("line 13: is not a 'Name: value' line");
  }

  @Test
  void anOversizedBodyIsRejected() {
    VqRtcpxrParser small = new VqRtcpxrParser(256);
    ParseResult<VqReport> result = small.parse(SESSION_REPORT);
    assertThat(((ParseResult.Invalid<VqReport>) result).field()).isEqualTo("body");
  }
}
