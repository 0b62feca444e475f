package io.callflow.sip.edge;

import java.net.InetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per source address, in a map bounded by
 * {@link RateLimitSettings#maxTrackedSources()} that forgets the least recently seen source
 * first. Thread-safe; the lock is held for one map lookup and a little arithmetic.
 */
public final class SourceRateLimiter {

  private final RateLimitSettings settings;
  private final Clock clock;
  private final Map<InetAddress, Bucket> buckets;

  public SourceRateLimiter(RateLimitSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    int max = settings.maxTrackedSources();
    this.buckets = new LinkedHashMap<>(Math.min(max, 1024), 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<InetAddress, Bucket> eldest) {
        return size() > max;
      }
    };
  }

  /** Takes a token for {@code source}; false when its bucket is empty. */
  public synchronized boolean tryAcquire(InetAddress source) {
    long now = clock.millis();
    Bucket bucket = buckets.get(source);
    if (bucket == null) {
      bucket = new Bucket(settings.burst(), now);
      buckets.put(source, bucket);
    }
    double refill = (now - bucket.lastMillis) * settings.requestsPerSecond() / 1000.0;
    bucket.tokens = Math.min(settings.burst(), bucket.tokens + Math.max(0, refill));
    bucket.lastMillis = Math.max(bucket.lastMillis, now);
    if (bucket.tokens < 1) {
      return false;
    }
    bucket.tokens -= 1;
    return true;
  }

  /** How many sources have a bucket now; never more than the configured maximum. */
  public synchronized int trackedSources() {
    return buckets.size();
  }

  private static final class Bucket {
    double tokens;
    long lastMillis;

    Bucket(double tokens, long lastMillis) {
      this.tokens = tokens;
      this.lastMillis = lastMillis;
    }
  }
}
