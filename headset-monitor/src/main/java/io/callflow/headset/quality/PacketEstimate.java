package io.callflow.headset.quality;

import java.time.Duration;

/**
 * Packets expected, lost in the network and discarded by the jitter buffer, estimated from a
 * report as packets per second × duration and the loss and discard rates. Reports carry rates,
 * not counts, so these are estimates and are exported as such.
 */
public record PacketEstimate(long expected, long lost, long discarded) {

  /** The estimate, or null when the report lacks the packet rate, the period or the loss rate. */
  public static PacketEstimate of(Double packetsPerSecond, Duration duration, Double lossPercent,
      Double discardPercent) {
    if (packetsPerSecond == null || duration == null || lossPercent == null) {
      return null;
    }
    long expected = Math.round(packetsPerSecond * duration.toMillis() / 1000.0);
    long lost = Math.round(expected * lossPercent / 100.0);
    long discarded = discardPercent == null ? 0 : Math.round(expected * discardPercent / 100.0);
    return new PacketEstimate(expected, lost, discarded);
  }
}
