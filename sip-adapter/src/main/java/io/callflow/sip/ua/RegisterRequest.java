package io.callflow.sip.ua;

import java.util.Optional;

/**
 * What one REGISTER must carry (RFC 3261 §10.2); the transport turns it into a message.
 * Call-ID stays the same for every REGISTER of one client and CSeq grows by one each time
 * (§10.2, "Call-ID" and "CSeq" bullets).
 *
 * @param credentials an {@code Authorization} or {@code Proxy-Authorization} header answering
 *     the last challenge, if any
 */
public record RegisterRequest(
    String registrar, String aor, String contact, String callId, long cseq, long expiresSeconds,
    Optional<Credentials> credentials) {

  /** A credentials header: its name and value. */
  public record Credentials(String headerName, String value) {
  }
}
