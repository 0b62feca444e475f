package io.callflow.headset.quality;

import io.callflow.core.time.Scheduler;
import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.json.ParseResult;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event state compositor (RFC 3903 §6) for {@code Event: vq-rtcpxr} (RFC 6035 §3).
 * The SIP side hands it each PUBLISH; it answers with an entity-tag and expiry or a rejection.
 *
 * <ul>
 *   <li>Initial PUBLISH (no SIP-If-Match): the body must be a valid report; a new entity-tag is issued.
 *   <li>SIP-If-Match naming an unknown or expired tag: 412 (§6 step 4).
 *   <li>Refresh (SIP-If-Match, empty body): the tag is replaced, nothing is counted.
 *   <li>Modify (SIP-If-Match with a body): the body is read like an initial report.
 *   <li>Expires: 0 removes the tag (§6 step 6). Expires above the maximum is lowered; absent takes
 *       the default (§6 step 5).
 * </ul>
 *
 * Each report counts once: a report is keyed by call, type and (for interval and alert
 * reports) its period, and a key already seen is answered 200 but not counted again.
 * Thread-safe; the sink is called outside the lock.
 */
public final class QualityReportInbox {

  private final VqRtcpxrParser parser;
  private final MonitorSettings.Publish publish;
  private final Scheduler scheduler;
  private final QualitySink sink;
  private final int capacity;
  private final Map<String, Instant> tags = new LinkedHashMap<>();
  private final Map<String, Boolean> seen;
  private long tagSequence;
  private final String tagPrefix;

  public QualityReportInbox(MonitorSettings settings, Scheduler scheduler, QualitySink sink) {
    this.parser = new VqRtcpxrParser(settings.limits().maxReportBytes());
    this.publish = settings.publish();
    this.scheduler = scheduler;
    this.sink = sink;
    this.capacity = settings.limits().dedupCapacity();
    this.seen = new LinkedHashMap<>(256, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
    this.tagPrefix = Long.toString(scheduler.nowMillis(), 36) + "-";
  }

  /** An initial PUBLISH carrying {@code body}, from an unknown agent. */
  public PublishResult accept(String body) {
    return accept(PublishRequest.initial(body, null));
  }

  public PublishResult accept(PublishRequest request) {
    Outcome outcome;
    synchronized (this) {
      outcome = decide(request);
    }
    if (outcome.result() instanceof PublishResult.Rejected rejected) {
      sink.rejected(rejected.reason());
    } else if (outcome.quality() != null) {
      sink.counted(outcome.quality());
    } else if (outcome.duplicate()) {
      sink.duplicate();
    }
    return outcome.result();
  }

  private Outcome decide(PublishRequest request) {
    Instant now = scheduler.clock().instant();
    expireTags(now);
    boolean hasBody = request.body() != null && !request.body().isBlank();
    if (request.sipIfMatch() != null && !tags.containsKey(request.sipIfMatch())) {
      return Outcome.rejected(412, "SIP-If-Match " + request.sipIfMatch() + " is unknown or expired");
    }
    if (request.expiresSeconds() != null && request.expiresSeconds() < 0) {
      return Outcome.rejected(400, "Expires must not be negative");
    }
    if (request.sipIfMatch() != null && Integer.valueOf(0).equals(request.expiresSeconds())) {
      tags.remove(request.sipIfMatch());
      return new Outcome(new PublishResult.Accepted(request.sipIfMatch(), 0, false), null, false);
    }
    if (request.sipIfMatch() == null && !hasBody) {
      return Outcome.rejected(400, "body: an initial PUBLISH must carry an application/vq-rtcpxr report");
    }
    CallQuality quality = null;
    boolean duplicate = false;
    if (hasBody) {
      ParseResult<VqReport> parsed = parser.parse(request.body());
      if (parsed instanceof ParseResult.Invalid<VqReport> invalid) {
        return Outcome.rejected(400, invalid.message());
      }
      VqReport report = ((ParseResult.Ok<VqReport>) parsed).value();
      if (seen.put(key(report), Boolean.TRUE) == null) {
        quality = CallQualityEstimator.estimate(report, request.agentId());
      } else {
        duplicate = true;
      }
    }
    if (request.sipIfMatch() != null) {
      tags.remove(request.sipIfMatch());
    }
    int expires = grantedExpires(request.expiresSeconds());
    String tag = tagPrefix + Long.toString(++tagSequence, 36);
    tags.put(tag, now.plusSeconds(expires));
    return new Outcome(new PublishResult.Accepted(tag, expires, quality != null), quality, duplicate);
  }

  private int grantedExpires(Integer requested) {
    long max = publish.maxExpires().toSeconds();
    long granted = requested == null ? publish.defaultExpires().toSeconds() : Math.min(requested, max);
    return (int) granted;
  }

  private void expireTags(Instant now) {
    Iterator<Map.Entry<String, Instant>> entries = tags.entrySet().iterator();
    while (entries.hasNext()) {
      if (!entries.next().getValue().isAfter(now)) {
        entries.remove();
      }
    }
    while (tags.size() >= capacity) {
      Iterator<String> oldest = tags.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  private static String key(VqReport report) {
    String base = report.type().token() + "|" + report.callId();
    return report.type() == VqReport.Type.SESSION ? base : base + "|" + report.start() + "|" + report.stop();
  }

  private record Outcome(PublishResult result, CallQuality quality, boolean duplicate) {
    static Outcome rejected(int status, String reason) {
      return new Outcome(new PublishResult.Rejected(status, reason), null, false);
    }
  }
}
