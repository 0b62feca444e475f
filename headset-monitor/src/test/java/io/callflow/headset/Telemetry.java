package io.callflow.headset;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds telemetry batch bodies for tests, one sample per call of {@link #sample}. */
public final class Telemetry {

  private final String agentId;
  private final String deviceId;
  private final List<String> samples = new ArrayList<>();

  private Telemetry(String agentId, String deviceId) {
    this.agentId = agentId;
    this.deviceId = deviceId;
  }

  public static Telemetry batch(String agentId) {
    return new Telemetry(agentId, "hs-" + agentId);
  }

  /** A connected, unmuted sample of 10 s with the given levels, in a call or not. */
  public Telemetry sample(Instant at, double receivedDba, double noiseDba, boolean inCall) {
    return raw(String.format(Locale.ROOT, "{\"at\":\"%s\",\"periodSeconds\":10,\"connected\":true,\"muted\":false,"
        + "\"inCall\":%s,\"batteryPercent\":80,\"linkQuality\":0.9,\"receivedLevelDba\":%.1f,"
        + "\"backgroundNoiseDba\":%.1f,\"acousticIncidents\":0}", at, inCall, receivedDba, noiseDba));
  }

  public Telemetry unplugged(Instant at) {
    return raw("{\"at\":\"" + at + "\",\"periodSeconds\":10,\"connected\":false}");
  }

  public Telemetry raw(String sampleJson) {
    samples.add(sampleJson);
    return this;
  }

  public String json() {
    return "{\"schema\":1,\"agentId\":\"" + agentId + "\",\"site\":\"hq\",\"seat\":\"3F-A12\","
        + "\"device\":{\"id\":\"" + deviceId + "\",\"vendor\":\"Jabra\",\"model\":\"Evolve2 40\",\"firmware\":\"1.19.0\"},"
        + "\"samples\":[" + String.join(",", samples) + "]}";
  }

  public byte[] bytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }
}
