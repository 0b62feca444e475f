package io.callflow.sip.edge;

/**
 * The per-source token bucket: {@code requestsPerSecond} tokens flow in, up to {@code burst};
 * each request takes one. At most {@code maxTrackedSources} buckets are kept; beyond that the
 * least recently seen source is forgotten, so spoofed source addresses cannot grow memory
 * (a forgotten source starts again with a full bucket, which fails open, never closed).
 *
 * @param exemptTrunks trunk sources skip the limit: the PBX legitimately sends every call
 */
public record RateLimitSettings(
    double requestsPerSecond, int burst, int maxTrackedSources, boolean exemptTrunks) {

  public static final double MIN_RATE = 0.01;
  public static final double MAX_RATE = 100_000;
  public static final int MAX_BURST = 1_000_000;
  public static final int MIN_TRACKED = 16;
  public static final int MAX_TRACKED = 10_000_000;

  public RateLimitSettings {
    if (!(requestsPerSecond >= MIN_RATE && requestsPerSecond <= MAX_RATE)) {
      throw new IllegalArgumentException("sip.edge.rateLimit.requestsPerSecond must be "
          + MIN_RATE + " to " + MAX_RATE + ", was " + requestsPerSecond);
    }
    if (burst < 1 || burst > MAX_BURST) {
      throw new IllegalArgumentException(
          "sip.edge.rateLimit.burst must be 1 to " + MAX_BURST + ", was " + burst);
    }
    if (maxTrackedSources < MIN_TRACKED || maxTrackedSources > MAX_TRACKED) {
      throw new IllegalArgumentException("sip.edge.rateLimit.maxTrackedSources must be "
          + MIN_TRACKED + " to " + MAX_TRACKED + ", was " + maxTrackedSources);
    }
  }

  /** 20 requests/s with a burst of 40, 100 000 sources, trunks exempt. */
  public static RateLimitSettings defaults() {
    return new RateLimitSettings(20, 40, 100_000, true);
  }
}
