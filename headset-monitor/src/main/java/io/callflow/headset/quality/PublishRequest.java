package io.callflow.headset.quality;

/**
 * The parts of a SIP PUBLISH ({@code Event: vq-rtcpxr}) the inbox needs, extracted by the
 * SIP side: the body (empty for a refresh), the SIP-If-Match header (RFC 3903 §11.3.2) or
 * null, the Expires header in seconds or null, and the agent whose phone sent it, or null.
 */
public record PublishRequest(String body, String sipIfMatch, Integer expiresSeconds, String agentId) {

  /** An initial PUBLISH with no SIP-If-Match and no Expires. */
  public static PublishRequest initial(String body, String agentId) {
    return new PublishRequest(body, null, null, agentId);
  }
}
