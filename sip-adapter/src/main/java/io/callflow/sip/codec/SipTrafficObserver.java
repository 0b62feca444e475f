package io.callflow.sip.codec;

import io.callflow.sip.message.SipMessage;

/** What the codec and transport report as messages pass; metrics implement it. */
public interface SipTrafficObserver {

  /** Does nothing; for tests that do not look at metrics. */
  SipTrafficObserver NONE = new SipTrafficObserver() { };

  /** A message was parsed and validated on the way in. */
  default void inbound(SipMessage message) {
  }

  /** A message was encoded on the way out. */
  default void outbound(SipMessage message) {
  }

  /** A message was refused (answered or dropped) for {@code reason}. */
  default void failure(FailureReason reason) {
  }

  /** A double-CRLF keep-alive ping was answered, RFC 5626 §3.5.1. */
  default void keepAlive() {
  }
}
