package io.callflow.sip.b2bua;

import java.util.OptionalLong;

/**
 * Max-Forwards across the two legs. A B2BUA is two user agents and would reset the count on
 * each new leg, so two B2BUAs routing to each other would loop for ever; RFC 7332 §3 asks a
 * B2BUA to carry the count over: the B-leg request gets the A-leg value minus one, and a
 * request that arrives with 0 is answered 483 (RFC 3261 §16.3 step 3). The outgoing value
 * is capped at {@code initial}, so a peer cannot hand us an unbounded budget, and a request
 * without the header gets {@code initial}, as a new request would (RFC 3261 §8.1.1.6).
 *
 * @param initial config {@code b2bua.max-forwards}, 1..255, default 70 (RFC 3261 §8.1.1.6)
 */
public record MaxForwardsPolicy(int initial) {

  /** RFC 3261 §8.1.1.6: the recommended initial value. */
  public static final int DEFAULT_INITIAL = 70;
  /** Values above 255 are meaningless (RFC 3261 §20.22 says 0-255 in practice). */
  public static final int MAX_INITIAL = 255;

  public MaxForwardsPolicy {
    if (initial < 1 || initial > MAX_INITIAL) {
      throw new IllegalArgumentException("b2bua.max-forwards: " + initial + " is out of range; use 1.." + MAX_INITIAL);
    }
  }

  public static MaxForwardsPolicy defaults() {
    return new MaxForwardsPolicy(DEFAULT_INITIAL);
  }

  /** Decides from the received header value ({@code null} when the header is absent). */
  public MaxForwardsDecision onRequest(String headerValue) {
    if (headerValue == null) {
      return new MaxForwardsDecision.Forward(initial);
    }
    OptionalLong value = HeaderText.digits(headerValue.trim(), 10);
    if (value.isEmpty()) {
      return new MaxForwardsDecision.Malformed("Max-Forwards must be 1*DIGIT");
    }
    if (value.getAsLong() == 0) {
      return new MaxForwardsDecision.TooManyHops();
    }
    return new MaxForwardsDecision.Forward((int) Math.min(value.getAsLong() - 1, initial));
  }
}
