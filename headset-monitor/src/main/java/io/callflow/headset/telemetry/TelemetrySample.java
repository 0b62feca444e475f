package io.callflow.headset.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * One measurement period of a headset, starting at {@code at} and lasting {@code period}.
 * Levels are A-weighted equivalent levels over the period (L_Aeq); {@code receivedLevelDba}
 * is the level delivered at the ear, {@code backgroundNoiseDba} what the microphone picks up
 * around the agent. Levels are null when the headset is disconnected; battery and link
 * quality are null for wired headsets; peak is null when the device does not measure it.
 */
public record TelemetrySample(Instant at, Duration period, boolean connected, boolean muted,
    boolean inCall, Double batteryRatio, Double linkQuality, Double receivedLevelDba,
    Double backgroundNoiseDba, Double peakDbc, int acousticIncidents, AgentReport agentReport) {

  public Instant end() {
    return at.plus(period);
  }
}
