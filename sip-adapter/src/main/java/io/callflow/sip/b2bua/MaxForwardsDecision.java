package io.callflow.sip.b2bua;

/** What to do with a request's Max-Forwards before sending it on the other leg. */
public sealed interface MaxForwardsDecision {

  /** Send the request on, with this Max-Forwards value in the outgoing request. */
  record Forward(int outgoingValue) implements MaxForwardsDecision {}

  /** RFC 3261 §16.3 step 3: Max-Forwards reached 0; answer 483 Too Many Hops. */
  record TooManyHops() implements MaxForwardsDecision {
    public static final int STATUS_CODE = 483;
  }

  /** The header is not 1*DIGIT (RFC 3261 §20.22); answer 400 Bad Request. */
  record Malformed(String reason) implements MaxForwardsDecision {
    public static final int STATUS_CODE = 400;
  }
}
