package io.callflow.headset.telemetry;

import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.json.InvalidInput;
import io.callflow.headset.json.JsonObject;
import io.callflow.headset.json.ParseResult;
import io.callflow.headset.json.StrictJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a telemetry batch (schema 1, documented in docs/headset-monitor.md) with no
 * leniency. The whole batch is checked before anything is returned, so a bad batch is
 * rejected whole and nothing from it is applied.
 */
public final class TelemetryParser {

  /** The schema version this parser reads. */
  public static final int SCHEMA = 1;

  private static final int ID_LENGTH = 128;
  private static final Set<String> BATCH_FIELDS = Set.of("schema", "agentId", "site", "seat", "device", "samples");
  private static final Set<String> DEVICE_FIELDS = Set.of("id", "vendor", "model", "firmware");
  private static final Set<String> SAMPLE_FIELDS = Set.of("at", "periodSeconds", "connected", "muted", "inCall",
      "batteryPercent", "linkQuality", "receivedLevelDba", "backgroundNoiseDba", "peakDbc",
      "acousticIncidents", "agentReport");
  private static final Set<String> REPORT_FIELDS = Set.of("discomfort", "distortionHeard", "note");

  private final int maxBytes;
  private final int maxSamples;
  private final Duration maxClockSkew;
  private final Duration maxSampleAge;

  public TelemetryParser(MonitorSettings.Limits limits) {
    this.maxBytes = limits.maxBatchBytes();
    this.maxSamples = limits.maxSamplesPerBatch();
    this.maxClockSkew = limits.maxClockSkew();
    this.maxSampleAge = limits.maxSampleAge();
  }

  /**
   * The batch, or the first field that breaks the schema. Sample times are checked against
   * {@code now}: a desktop with a wrong clock would otherwise put exposure on the wrong day.
   */
  public ParseResult<TelemetryBatch> parse(byte[] body, Instant now) {
    try {
      return new ParseResult.Ok<>(read(StrictJson.parseObject(body, maxBytes), now));
    } catch (InvalidInput e) {
      return ParseResult.invalid(e);
    }
  }

  private TelemetryBatch read(JsonObject root, Instant now) throws InvalidInput {
    root.allowOnly(BATCH_FIELDS);
    int schema = root.integer("schema", 1, Integer.MAX_VALUE);
    if (schema != SCHEMA) {
      throw new InvalidInput("schema", "version " + schema + " is not supported; this monitor reads " + SCHEMA);
    }
    String agentId = root.text("agentId", ID_LENGTH);
    String site = root.text("site", ID_LENGTH);
    String seat = root.text("seat", ID_LENGTH);
    JsonObject device = root.object("device").allowOnly(DEVICE_FIELDS);
    DeviceInfo info = new DeviceInfo(device.text("id", ID_LENGTH), device.text("vendor", ID_LENGTH),
        device.text("model", ID_LENGTH), device.text("firmware", ID_LENGTH));
    List<JsonObject> elements = root.objects("samples", maxSamples);
    List<TelemetrySample> samples = new ArrayList<>(elements.size());
    Instant previous = Instant.MIN;
    for (int i = 0; i < elements.size(); i++) {
      TelemetrySample sample = sample(elements.get(i));
      String at = "samples[" + i + "].at";
      if (sample.at().isBefore(previous)) {
        throw new InvalidInput(at, "is earlier than the sample before it; send samples oldest first");
      }
      if (sample.at().isAfter(now.plus(maxClockSkew))) {
        throw new InvalidInput(at, "is more than " + maxClockSkew + " ahead of the monitor's clock; check the desktop clock");
      }
      if (sample.at().isBefore(now.minus(maxSampleAge))) {
        throw new InvalidInput(at, "is more than " + maxSampleAge + " old");
      }
      previous = sample.at();
      samples.add(sample);
    }
    return new TelemetryBatch(agentId, site, seat, info, samples);
  }

  private static TelemetrySample sample(JsonObject sample) throws InvalidInput {
    sample.allowOnly(SAMPLE_FIELDS);
    Instant at = sample.instant("at");
    double periodSeconds = sample.number("periodSeconds", 0.1, 3600);
    boolean connected = sample.bool("connected");
    boolean muted = sample.optionalBool("muted", false);
    boolean inCall = sample.optionalBool("inCall", false);
    Double battery = sample.optionalNumber("batteryPercent", 0, 100);
    Double link = sample.optionalNumber("linkQuality", 0, 1);
    Double received = sample.optionalNumber("receivedLevelDba", 0, 140);
    Double noise = sample.optionalNumber("backgroundNoiseDba", 0, 140);
    Double peak = sample.optionalNumber("peakDbc", 0, 160);
    if (connected && received == null) {
      throw new InvalidInput(sample.path("receivedLevelDba"), "is required while the headset is connected");
    }
    if (connected && noise == null) {
      throw new InvalidInput(sample.path("backgroundNoiseDba"), "is required while the headset is connected");
    }
    int incidents = sample.optionalInteger("acousticIncidents", 0, 100_000, 0);
    JsonObject report = sample.optionalObject("agentReport");
    AgentReport agentReport = null;
    if (report != null) {
      report.allowOnly(REPORT_FIELDS);
      agentReport = new AgentReport(report.optionalBool("discomfort", false),
          report.optionalBool("distortionHeard", false), report.optionalText("note", 1000));
    }
    return new TelemetrySample(at, Duration.ofMillis(Math.round(periodSeconds * 1000)), connected, muted, inCall,
        battery == null ? null : battery / 100.0, link, received, noise, peak, incidents, agentReport);
  }
}
