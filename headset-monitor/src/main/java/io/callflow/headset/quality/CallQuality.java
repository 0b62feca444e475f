package io.callflow.headset.quality;

import java.util.List;

/**
 * What one counted quality report says about a call: the reported scores, E-model estimates
 * for what the report lacked, packet estimates and jitter. {@code agentId} is the agent whose
 * phone sent it, or null when the SIP side could not tell.
 */
public record CallQuality(String agentId, VqReport report, Codec codec, List<Score> scores,
    PacketEstimate packets, Double jitterSeconds) {

  public CallQuality {
    scores = List.copyOf(scores);
  }

  /** The lowest MOS among the scores (reported or estimated), or null when there is none. */
  public Double worstMos() {
    return scores.stream().map(Score::mos).filter(m -> m != null).min(Double::compare).orElse(null);
  }
}
