package io.callflow.sip.ua;

/** How one OPTIONS probe ended. */
public sealed interface ProbeResult {

  /** A final response; 5xx and 6xx count as failures, anything else means the peer is alive. */
  record Answered(int status) implements ProbeResult {
  }

  /** The transaction timed out (Timer F, RFC 3261 §17.1.2.2). */
  record TimedOut() implements ProbeResult {
  }

  /** The request could not be sent or the connection broke (RFC 3261 §8.1.3.1). */
  record TransportError(String detail) implements ProbeResult {
  }
}
