package io.callflow.headset.quality;

/**
 * The inbox's answer to a PUBLISH, which the SIP side turns into a response.
 * {@link Accepted} is a 200 OK with {@code SIP-ETag} and {@code Expires} (RFC 3903 §6 step 8);
 * {@link Rejected} carries the status to send and a reason phrase text for a Warning or body.
 */
public sealed interface PublishResult {

  /**
   * @param etag the new entity-tag for SIP-ETag
   * @param expiresSeconds the granted expiry for Expires (0 after a removal)
   * @param counted true when the report was new and went into the metrics
   */
  record Accepted(String etag, int expiresSeconds, boolean counted) implements PublishResult {}

  /**
   * @param sipStatus 400 for a bad body (RFC 3261 §21.4.1), 412 for an unknown or expired
   *     SIP-If-Match (RFC 3903 §6 step 4)
   */
  record Rejected(int sipStatus, String reason) implements PublishResult {}
}
