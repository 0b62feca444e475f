package io.callflow.headset.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.headset.json.ParseResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VqRtcpxrParserTest {

  /** Shaped like the example of RFC 6035 §4.8, with LocalMetrics and RemoteMetrics. */
  static final String SESSION_REPORT = String.join("\r\n",
      "VQSessionReport: CallTerm",
      "CallID: 6dwd3r2d3fs@192.0.2.1",
      "LocalID: Alice <sip:alice@example.org>",
      "RemoteID: Bill <sip:bill@example.net>",
      "OrigID: Alice <sip:alice@example.org>",
      "LocalGroup: example-phone-55671",
      "RemoteGroup: example-gateway-09871",
      "LocalAddr: IP=192.0.2.1 PORT=5000 SSRC=0x0d4e6f7b",
      "RemoteAddr: IP=192.0.2.3 PORT=5000 SSRC=0x6f7b0d4e",
      "LocalMetrics:",
      "Timestamps: START=2026-01-05T09:00:00Z STOP=2026-01-05T09:02:19Z",
      "SessionDesc: PT=18 PD=G729 SR=8000 FD=20 FO=20 FPP=2 PPS=50 FMTP=\"annexb=no\" PLC=3 SSUP=on",
      "JitterBuffer: JBA=3 JBR=2 JBN=40 JBM=80 JBX=120",
      "PacketLoss: NLR=5.0 JDR=2.0",
      "BurstGapLoss: BLD=0 BD=0 GLD=2.0 GD=500 GMIN=16",
      "Delay: RTD=200 ESD=140 SOWD=200 IAJ=2",
      "QualityEst: MOSLQ=4.2 MOSCQ=4.3",
      "RemoteMetrics:",
      "Timestamps: START=2026-01-05T09:00:00Z STOP=2026-01-05T09:02:19Z",
      "PacketLoss: NLR=0.0 JDR=0.0",
      "QualityEst: MOSLQ=4.4 MOSCQ=4.4",
      "DialogID: 1003eab@192.0.2.1;to-tag=7321;from-tag=9123",
      "");

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
