package io.callflow.headset.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.headset.Telemetry;
import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.json.ParseResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryParserTest {

  private static final Instant NINE = Instant.parse("2026-01-05T09:00:00Z");
  private final TelemetryParser parser = new TelemetryParser(new MonitorSettings.Limits(1 << 20, 100, 16 << 10, 1000,
      Duration.ofMinutes(5), Duration.ofHours(24)));

  private ParseResult<TelemetryBatch> parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), NINE.plusSeconds(60));
  }

  private ParseResult.Invalid<TelemetryBatch> rejected(String json) {
    ParseResult<TelemetryBatch> result = parse(json);
    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    return (ParseResult.Invalid<TelemetryBatch>) result;
  }

  private static String withSample(String sample) {
    return Telemetry.batch("a-1").raw(sample).json();
  }

  @Test
  void aValidBatchIsReadWithEveryField() {
    String json = withSample("{\"at\":\"2026-01-05T10:00:00+01:00\",\"periodSeconds\":10,\"connected\":true,"
        + "\"muted\":true,\"inCall\":true,\"batteryPercent\":55,\"linkQuality\":0.75,\"receivedLevelDba\":72.5,"
        + "\"backgroundNoiseDba\":48,\"peakDbc\":118.5,\"acousticIncidents\":2,"
        + "\"agentReport\":{\"discomfort\":true,\"distortionHeard\":false,\"note\":\"left ear hurts\"}}");
    TelemetryBatch batch = ((ParseResult.Ok<TelemetryBatch>) parse(json)).value();
    assertThat(batch.agentId()).isEqualTo("a-1");
    assertThat(batch.seat()).isEqualTo("3F-A12");
    assertThat(batch.device()).isEqualTo(new DeviceInfo("hs-a-1", "Jabra", "Evolve2 40", "1.19.0"));
    TelemetrySample sample = batch.samples().get(0);
    assertThat(sample).isEqualTo(new TelemetrySample(NINE, Duration.ofSeconds(10), true, true, true, 0.55, 0.75,
        72.5, 48.0, 118.5, 2, new AgentReport(true, false, "left ear hurts")));
  }

  @Test
  void aWiredHeadsetMayLeaveOutBatteryAndLinkQuality() {
    String json = withSample("{\"at\":\"2026-01-05T09:00:00Z\",\"periodSeconds\":5,\"connected\":true,"
        + "\"receivedLevelDba\":70,\"backgroundNoiseDba\":40,\"batteryPercent\":null}");
    TelemetrySample sample = ((ParseResult.Ok<TelemetryBatch>) parse(json)).value().samples().get(0);
    assertThat(sample.batteryRatio()).isNull();
    assertThat(sample.linkQuality()).isNull();
    assertThat(sample.acousticIncidents()).isZero();
  }

  @Test
  void malformedJsonIsRejectedWithItsPosition() {
    ParseResult.Invalid<TelemetryBatch> invalid = rejected("{\"schema\":1,\"agentId\":");
    assertThat(invalid.field()).isEqualTo("$");
    assertThat(invalid.reason()).startsWith("malformed JSON");
  }

  @Test
  void anEmptyBodyIsRejected() {
    assertThat(rejected("").message()).isEqualTo("$: body is empty: expected a JSON object");
  }

  @Test
  void aTopLevelArrayIsRejected() {
    assertThat(rejected("[1,2]").message()).isEqualTo("$: expected a JSON object");
  }

  @Test
  void anUnknownTopLevelFieldIsNamed() {
    String json = Telemetry.batch("a-1").sample(NINE, 70, 40, false).json().replace("{\"schema\":1,",
        "{\"schema\":1,\"colour\":\"red\",");
    assertThat(rejected(json).message()).isEqualTo("colour: unknown field");
  }

  @Test
  void anUnknownSampleFieldIsNamedWithItsIndex() {
    String json = Telemetry.batch("a-1").sample(NINE, 70, 40, false)
        .raw("{\"at\":\"2026-01-05T09:00:10Z\",\"periodSeconds\":10,\"connected\":false,\"volume\":3}").json();
    assertThat(rejected(json).message()).isEqualTo("samples[1].volume: unknown field");
  }

  @Test
  void aStringWhereANumberBelongsIsAWrongType() {
    String json = withSample("{\"at\":\"2026-01-05T09:00:00Z\",\"periodSeconds\":10,\"connected\":true,"
        + "\"receivedLevelDba\":\"70\",\"backgroundNoiseDba\":40}");
    assertThat(rejected(json).message()).isEqualTo("samples[0].receivedLevelDba: expected a number, got a string");
  }

  @Test
  void aNumberWhereABooleanBelongsIsAWrongType() {
    String json = withSample("{\"at\":\"2026-01-05T09:00:00Z\",\"periodSeconds\":10,\"connected\":1}");
    assertThat(rejected(json).message()).isEqualTo("samples[0].connected: expected true or false, got a number");
  }

  @Test
  void aFractionalIncidentCountIsAWrongType() {
    String json = withSample("{\"at\":\"2026-01-05T09:00:00Z\",\"periodSeconds\":10,\"connected\":true,"
        + "\"receivedLevelDba\":70,\"backgroundNoiseDba\":40,\"acousticIncidents\":1.5}");
    assertThat(rejected(json).message())
        .isEqualTo("samples[0].acousticIncidents: expected a whole number, got a number");
  }

  @Test
  void anOutOfRangeBatteryIsRejectedWithTheRange() {
    String json = withSample("{\"at\":\"2026-01-05T09:00:00Z\",\"periodSeconds\":10,\"connected\":true,"
        + "\"batteryPercent\":140,\"receivedLevelDba\":70,\"backgroundNoiseDba\":40}");
    assertThat(rejected(json).message()).isEqualTo("samples[0].batteryPercent: is 140, out of range 0.0 to 100.0");
  }

  @Test
  void aConnectedSampleWithoutLevelsIsRejected() {
    String json = withSample("{\"at\":\"2026-01-05T09:00:00Z\",\"periodSeconds\":10,\"connected\":true,"
        + "\"backgroundNoiseDba\":40}");
    assertThat(rejected(json).message())
        .isEqualTo("samples[0].receivedLevelDba: is required while the headset is connected");
  }

  @Test
  void aMissingDeviceIdIsNamed() {
    String json = Telemetry.batch("a-1").sample(NINE, 70, 40, false).json().replace("\"id\":\"hs-a-1\",", "");
    assertThat(rejected(json).message()).isEqualTo("device.id: is required");
  }

  @Test
  void aTimestampWithoutOffsetIsRejected() {
    String json = withSample("{\"at\":\"2026-01-05 09:00\",\"periodSeconds\":10,\"connected\":false}");
    assertThat(rejected(json).field()).isEqualTo("samples[0].at");
  }

  @Test
  void samplesOutOfOrderAreRejected() {
    String json = Telemetry.batch("a-1").sample(NINE.plusSeconds(10), 70, 40, false).sample(NINE, 70, 40, false).json();
    assertThat(rejected(json).field()).isEqualTo("samples[1].at");
  }

  @Test
  void aDuplicateKeyIsMalformed() {
    String json = Telemetry.batch("a-1").sample(NINE, 70, 40, false).json()
        .replace("\"site\":\"hq\"", "\"site\":\"hq\",\"site\":\"branch\"");
    ParseResult.Invalid<TelemetryBatch> invalid = rejected(json);
    assertThat(invalid.field()).isEqualTo("$");
    assertThat(invalid.reason()).contains("Duplicate field 'site'");
  }

  @Test
  void trailingContentAfterTheObjectIsMalformed() {
    String json = Telemetry.batch("a-1").sample(NINE, 70, 40, false).json() + " {}";
    assertThat(rejected(json).field()).isEqualTo("$");
  }

  @Test
  void anUnsupportedSchemaVersionIsNamed() {
    String json = Telemetry.batch("a-1").sample(NINE, 70, 40, false).json().replace("\"schema\":1", "\"schema\":2");
    assertThat(rejected(json).message()).isEqualTo("schema: version 2 is not supported; this monitor reads 1");
  }

  @Test
  void tooManySamplesAreRejected() {
    Telemetry batch = Telemetry.batch("a-1");
    for (int i = 0; i < 101; i++) {
      batch.sample(NINE.plusSeconds(10L * i), 70, 40, false);
    }
    assertThat(rejected(batch.json()).message()).isEqualTo("samples: holds 101 elements, more than the limit of 100");
  }

  @Test
  void aSampleFromTheFutureIsRejectedSoAWrongDesktopClockCannotMoveTheDay() {
    String json = Telemetry.batch("a-1").sample(NINE.plus(Duration.ofHours(3)), 70, 40, false).json();
    assertThat(rejected(json).message())
        .isEqualTo("samples[0].at: is more than PT5M ahead of the monitor's clock; check the desktop clock");
  }

  @Test
  void aSampleOlderThanTheMaximumAgeIsRejected() {
    String json = Telemetry.batch("a-1").sample(NINE.minus(Duration.ofDays(2)), 70, 40, false).json();
    assertThat(rejected(json).message()).isEqualTo("samples[0].at: is more than PT24H old");
  }
}
