package io.callflow.sip.b2bua;

import java.util.Objects;

/** The outcome of {@link SdpSession#parse(String)}: a session, or why the body is not usable SDP. */
public sealed interface SdpParseResult {

  record Parsed(SdpSession session) implements SdpParseResult {
    public Parsed {
      Objects.requireNonNull(session, "session");
    }
  }

  /** The body is not SDP the B2BUA can work with; answer 400 or 488 (RFC 3261 §21.4.26). */
  record Malformed(String reason) implements SdpParseResult {
    public Malformed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
