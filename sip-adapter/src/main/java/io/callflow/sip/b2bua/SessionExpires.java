package io.callflow.sip.b2bua;

import java.util.Locale;
import java.util.Optional;

/**
 * The Session-Expires header (RFC 4028 §4):
 *
 * <pre>
 * Session-Expires  =  ("Session-Expires" / "x") HCOLON delta-seconds *(SEMI se-params)
 * se-params        =  refresher-param / generic-param
 * refresher-param  =  "refresher" EQUAL  ("uas" / "uac")
 * </pre>
 *
 * @param deltaSeconds the session interval, at least 1
 * @param refresher who refreshes, when the header says
 */
public record SessionExpires(long deltaSeconds, Optional<Refresher> refresher) {

  /** RFC 3261 §25.1 delta-seconds are 32-bit; ten digits is enough and cannot overflow a long. */
  private static final int MAX_DELTA_DIGITS = 10;

  /** The side of the dialog that sends the refreshing re-INVITE or UPDATE. */
  public enum Refresher {
    UAC,
    UAS;

    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SessionExpires {
    if (deltaSeconds < 1) {
      throw new IllegalArgumentException("Session-Expires delta-seconds must be at least 1: " + deltaSeconds);
    }
    refresher = refresher == null ? Optional.empty() : refresher;
  }

  /** Parses a header value; empty when malformed (the request then gets 400 or is treated as without timer). */
  public static Optional<SessionExpires> parse(String headerValue) {
    Optional<HeaderText.DeltaSeconds> parsed = HeaderText.deltaSeconds(headerValue, MAX_DELTA_DIGITS);
    if (parsed.isEmpty() || parsed.get().seconds() < 1) {
      return Optional.empty();
    }
    Optional<Refresher> refresher = Optional.empty();
    for (HeaderText.Param param : parsed.get().params()) {
      if (param.name().equalsIgnoreCase("refresher")) {
        String value = param.value().toLowerCase(Locale.ROOT);
        if (!value.equals("uac") && !value.equals("uas")) {
          return Optional.empty();
        }
        refresher = Optional.of(value.equals("uac") ? Refresher.UAC : Refresher.UAS);
      }
    }
    return Optional.of(new SessionExpires(parsed.get().seconds(), refresher));
  }

  /** The header value, e.g. {@code 1800;refresher=uac}. */
  public String headerValue() {
    return refresher.map(r -> deltaSeconds + ";refresher=" + r.token()).orElse(Long.toString(deltaSeconds));
  }
}
