package io.callflow.ops.headset;

import java.time.Instant;
import java.util.Locale;

/** Request bodies for the headset API tests, in the documented schema 1. */
final class Bodies {

  /** The test clock's start (ManualScheduler's default), so samples fall inside the accepted window. */
  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  private Bodies() {}

  /** A connected, unmuted 10 s sample ending before {@link #NOW}. */
  static String sample(int secondsBefore, double noiseDba, boolean inCall) {
    return sampleAt(NOW.minusSeconds(secondsBefore), noiseDba, inCall);
  }

  /** A connected, unmuted 10 s sample starting {@code at}: for a service on the real clock. */
  static String sampleAt(Instant at, double noiseDba, boolean inCall) {
    return String.format(Locale.ROOT, "{\"at\":\"%s\",\"periodSeconds\":10,\"connected\":true,\"muted\":false,"
        + "\"inCall\":%s,\"batteryPercent\":80,\"linkQuality\":0.9,\"receivedLevelDba\":70.0,"
        + "\"backgroundNoiseDba\":%.1f,\"acousticIncidents\":0}", at, inCall, noiseDba);
  }

  static String quietSample(int secondsBefore) {
    return sample(secondsBefore, 40, true);
  }

  static String batch(String agentId, String... samples) {
    return "{\"schema\":1,\"agentId\":\"" + agentId + "\",\"site\":\"hq\",\"seat\":\"3F-A12\","
        + "\"device\":{\"id\":\"hs-" + agentId + "\",\"vendor\":\"Jabra\",\"model\":\"Evolve2 40\","
        + "\"firmware\":\"1.19.0\"},\"samples\":[" + String.join(",", samples) + "]}";
  }

  static String shiftCheck(String agentId, double loopbackDba, double noiseFloorDba) {
    return String.format(Locale.ROOT, "{\"schema\":1,\"agentId\":\"%s\",\"site\":\"hq\",\"seat\":\"3F-A12\","
        + "\"deviceId\":\"hs-%s\",\"at\":\"%s\",\"loopbackLevelDba\":%.1f,\"noiseFloorDba\":%.1f}",
        agentId, agentId, NOW.minusSeconds(60), loopbackDba, noiseFloorDba);
  }

  static String by(String name) {
    return "{\"by\":\"" + name + "\"}";
  }
}
