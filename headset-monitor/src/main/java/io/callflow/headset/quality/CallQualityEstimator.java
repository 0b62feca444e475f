package io.callflow.headset.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed report into scores: the phone's own MOS-LQ and R-LQ when present
 * (source reported), and an E-model estimate of whichever it lacks when the codec is one
 * G.113 rates and the report gives a loss rate (source estimated).
 */
public final class CallQualityEstimator {

  /** G.107 Table 3 default: BurstR = 1, random loss. */
  static final double RANDOM_LOSS = 1.0;

  private CallQualityEstimator() {}

  public static CallQuality estimate(VqReport report, String agentId) {
    VqReport.Metrics m = report.local();
    VqReport.SessionDesc s = report.session();
    Codec codec = Codec.of(s.payloadType(), s.payloadName(), s.plc());
    List<Score> scores = new ArrayList<>(2);
    if (m.mosLq() != null || m.rListening() != null) {
      scores.add(new Score(ScoreSource.REPORTED, m.mosLq(), m.rListening()));
    }
    boolean lacksSome = m.mosLq() == null || m.rListening() == null;
    if (lacksSome && codec != null && m.networkLossPercent() != null) {
      double loss = Math.min(100, m.networkLossPercent() + (m.discardPercent() == null ? 0 : m.discardPercent()));
      Double delay = m.oneWayDelayMs();
      double r = EModel.rFactor(codec, loss, RANDOM_LOSS, delay == null ? 0 : delay);
      scores.add(new Score(ScoreSource.ESTIMATED, m.mosLq() == null ? EModel.mos(r) : null,
          m.rListening() == null ? r : null));
    }
    PacketEstimate packets = PacketEstimate.of(s.packetRate(), report.duration(), m.networkLossPercent(),
        m.discardPercent());
    Double jitter = m.interarrivalJitterMs() == null ? null : m.interarrivalJitterMs() / 1000.0;
    return new CallQuality(agentId, report, codec, scores, packets, jitter);
  }
}
