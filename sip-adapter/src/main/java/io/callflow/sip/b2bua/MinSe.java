package io.callflow.sip.b2bua;

import java.util.Optional;

/**
 * The Min-SE header (RFC 4028 §5): {@code Min-SE = "Min-SE" HCOLON delta-seconds *(SEMI generic-param)}.
 * RFC 4028 §4 puts a floor of 90 seconds under every Min-SE: a smaller value received is
 * read as 90, since no element may demand a shorter session interval than that.
 *
 * @param deltaSeconds at least {@link #FLOOR_SECONDS}
 */
public record MinSe(long deltaSeconds) {

  /** RFC 4028 §4: "the minimum value of Min-SE is 90 seconds". */
  public static final long FLOOR_SECONDS = 90;

  private static final int MAX_DELTA_DIGITS = 10;

  public MinSe {
    if (deltaSeconds < FLOOR_SECONDS) {
      throw new IllegalArgumentException("Min-SE must be at least " + FLOOR_SECONDS + " s (RFC 4028 §4): " + deltaSeconds);
    }
  }

  /** Parses a header value, raising values under 90 to 90; empty when malformed. */
  public static Optional<MinSe> parse(String headerValue) {
    return HeaderText.deltaSeconds(headerValue, MAX_DELTA_DIGITS)
        .map(parsed -> new MinSe(Math.max(FLOOR_SECONDS, parsed.seconds())));
  }

  public String headerValue() {
    return Long.toString(deltaSeconds);
  }
}
