package io.callflow.headset.quality;

import java.time.Duration;
import java.time.Instant;

/**
 * The parts of an {@code application/vq-rtcpxr} report (RFC 6035 §4) the monitor uses: the
 * report type, the call, the measurement period and the reporter's local metrics (what it
 * received). Any metric the reporter left out is null.
 */
public record VqReport(Type type, boolean callTerm, String callId, Instant start, Instant stop,
    SessionDesc session, Metrics local) {

  /** RFC 6035 §4.2: the three report types, named by the body's first line. */
  public enum Type {
    SESSION("VQSessionReport"),
    INTERVAL("VQIntervalReport"),
    ALERT("VQAlertReport");

    private final String token;

    Type(String token) {
      this.token = token;
    }

    public String token() {
      return token;
    }
  }

  public Duration duration() {
    return start == null || stop == null || stop.isBefore(start) ? null : Duration.between(start, stop);
  }

  /** RFC 6035 §4.7 SessionDesc: payload type and name, frame duration, frames and packets per second, PLC. */
  public record SessionDesc(Integer payloadType, String payloadName, Integer frameDurationMs,
      Integer framesPerPacket, Double packetsPerSecond, Integer plc) {

    /** Packets per second as reported, else derived from frame duration × frames per packet. */
    public Double packetRate() {
      if (packetsPerSecond != null) {
        return packetsPerSecond;
      }
      if (frameDurationMs != null && framesPerPacket != null && frameDurationMs > 0 && framesPerPacket > 0) {
        return 1000.0 / (frameDurationMs * framesPerPacket);
      }
      return null;
    }
  }

  /**
   * RFC 6035 §4.7 metrics: PacketLoss (NLR, JDR in %), BurstGapLoss (BLD, GLD in %, BD, GD in
   * ms), JitterBuffer (JBN, JBM, JBX in ms), Delay (RTD, ESD, SOWD, IAJ in ms) and QualityEst
   * (RLQ, RCQ, MOSLQ, MOSCQ).
   */
  public record Metrics(Double networkLossPercent, Double discardPercent, Double burstDensityPercent,
      Integer burstDurationMs, Double gapDensityPercent, Integer gapDurationMs, Integer jitterBufferNominalMs,
      Integer jitterBufferMaxMs, Integer jitterBufferAbsMaxMs, Integer roundTripMs, Integer endSystemMs,
      Integer symmetricOneWayMs, Integer interarrivalJitterMs, Double rListening, Double rConversational,
      Double mosLq, Double mosCq) {

    /**
     * Ta for the E-model: SOWD when reported (RFC 6035 defines it as the one-way delay
     * including both end systems), else half the round trip plus the local end-system delay.
     */
    public Double oneWayDelayMs() {
      if (symmetricOneWayMs != null) {
        return symmetricOneWayMs.doubleValue();
      }
      if (roundTripMs == null) {
        return null;
      }
      return roundTripMs / 2.0 + (endSystemMs == null ? 0 : endSystemMs);
    }
  }
}
