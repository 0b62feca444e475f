package io.callflow.sip.b2bua;

import java.util.Optional;

/** The media direction attributes (RFC 4566 §6, RFC 3264 §5.1); a stream without one is sendrecv. */
public enum SdpDirection {
  SENDRECV("sendrecv"),
  SENDONLY("sendonly"),
  RECVONLY("recvonly"),
  /** RFC 3264 §8.4: the hold offer used by third-party call control (RFC 3725 flow I). */
  INACTIVE("inactive");

  private final String attribute;

  SdpDirection(String attribute) {
    this.attribute = attribute;
  }

  /** The attribute line, e.g. {@code a=inactive}. */
  public String line() {
    return "a=" + attribute;
  }

  /** The direction an {@code a=} line states, if it is a direction attribute. */
  static Optional<SdpDirection> fromLine(String line) {
    for (SdpDirection direction : values()) {
      if (direction.line().equals(line)) {
        return Optional.of(direction);
      }
    }
    return Optional.empty();
  }
}
