package io.callflow.sip.b2bua;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Session timer arithmetic (RFC 4028): what to accept on an incoming INVITE, what to offer on
 * an outgoing one and how to retry after 422, and when to refresh or give up. Pure
 * calculations; {@link SessionTimer} runs them on a scheduler.
 */
public final class SessionTimerPolicy {

  /** RFC 4028 §10: the non-refresher sends BYE this long, at most, before the session would expire. */
  static final long MAX_EXPIRY_MARGIN_SECONDS = 32;

  private final SessionTimerSettings settings;

  public SessionTimerPolicy(SessionTimerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Decides on an incoming INVITE (as UAS, RFC 4028 §9). An interval under our Min-SE gets
   * 422. Otherwise the interval is the requested one lowered to our {@code session-expires}
   * but never below the request's Min-SE; the refresher is the one requested, or this side
   * (uas) when the request names none, since a uas refresher works whether or not the
   * caller supports timers. A request without Session-Expires gets our interval, refreshed by us.
   */
  public SessionTimerDecision onRequest(Optional<SessionExpires> requested, Optional<MinSe> requestMinSe) {
    if (requested.isEmpty()) {
      return new SessionTimerDecision.Accept(settings.sessionExpiresSeconds(), SessionExpires.Refresher.UAS);
    }
    long asked = requested.get().deltaSeconds();
    if (asked < settings.minSeSeconds()) {
      return new SessionTimerDecision.TooSmall(new MinSe(settings.minSeSeconds()));
    }
    long floor = requestMinSe.map(MinSe::deltaSeconds).orElse(MinSe.FLOOR_SECONDS);
    long interval = Math.max(Math.min(asked, settings.sessionExpiresSeconds()), Math.min(floor, asked));
    SessionExpires.Refresher refresher = requested.get().refresher().orElse(SessionExpires.Refresher.UAS);
    return new SessionTimerDecision.Accept(interval, refresher);
  }

  /** The Session-Expires to put in an outgoing INVITE (RFC 4028 §7.1); the refresher is left to the answerer. */
  public SessionExpires offer() {
    return new SessionExpires(settings.sessionExpiresSeconds(), Optional.empty());
  }

  /** The Min-SE to put in an outgoing INVITE (RFC 4028 §7.1). */
  public MinSe minSe() {
    return new MinSe(settings.minSeSeconds());
  }

  /** RFC 4028 §7.4: after a 422, retry with the Min-SE it named as both Session-Expires and Min-SE. */
  public SessionExpires retryAfter422(MinSe responseMinSe) {
    long interval = Math.max(responseMinSe.deltaSeconds(), settings.minSeSeconds());
    return new SessionExpires(interval, Optional.empty());
  }

  /** RFC 4028 §10: the refresher refreshes at half the interval. */
  public static Duration refreshDelay(long intervalSeconds) {
    return Duration.ofMillis(intervalSeconds * 500);
  }

  /**
   * RFC 4028 §10: the non-refresher ends the session when no refresh came by
   * {@code interval - min(32, interval / 3)} seconds after the last one.
   */
  public static Duration expiryDelay(long intervalSeconds) {
    long marginMillis = Math.min(MAX_EXPIRY_MARGIN_SECONDS * 1000, intervalSeconds * 1000 / 3);
    return Duration.ofMillis(intervalSeconds * 1000 - marginMillis);
  }
}
