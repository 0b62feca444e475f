package io.callflow.sip.b2bua;

import java.util.Objects;
import java.util.Optional;

/**
 * Keeps one SDP origin for everything the B2BUA sends on one leg (RFC 3264 §8). Across
 * re-bridges (RFC 3725) the media behind a leg can come from a different party each time,
 * with that party's own o= line; the leg's peer must still see one session: the same
 * username, session id and address, and a version that goes up by one exactly when the
 * description changes.
 *
 * <p>The first body sent on the leg fixes the origin. Each later body is rewritten to carry
 * it: same version when the body is otherwise unchanged from the last one sent, version + 1
 * when it differs. One keeper per leg; thread-safe, though a call's events are processed in
 * order anyway.
 */
public final class SdpOriginKeeper {

  private SdpSession lastSent;
  /** The origin restored after a restart when the body sent with it was not kept; else null. */
  private SdpOrigin restoredOrigin;

  /** The body to send on this leg: {@code outgoing} with its o= line replaced by the leg's origin. */
  public synchronized SdpSession rewrite(SdpSession outgoing) {
    Objects.requireNonNull(outgoing, "outgoing");
    if (lastSent == null && restoredOrigin != null) {
      // The last body is unknown, so the next one counts as changed (RFC 3264 §8).
      lastSent = outgoing.withOrigin(restoredOrigin.nextVersion());
      restoredOrigin = null;
      return lastSent;
    }
    if (lastSent == null) {
      lastSent = outgoing;
      return outgoing;
    }
    SdpOrigin origin = outgoing.sameContentAs(lastSent) ? lastSent.origin() : lastSent.origin().nextVersion();
    lastSent = outgoing.withOrigin(origin);
    return lastSent;
  }

  /** The origin last sent on this leg, if anything was sent. */
  public synchronized Optional<SdpOrigin> current() {
    return lastSent == null ? Optional.ofNullable(restoredOrigin) : Optional.of(lastSent.origin());
  }

  /**
   * After a restart: the leg's origin as last sent, and the body last sent with it when it was
   * kept (null otherwise). The peer already holds that version, so the next body keeps it when
   * unchanged from {@code lastBody} and takes version + 1 otherwise. Without {@code lastBody}
   * the keeper cannot tell, so the next body takes version + 1: the peer sees at worst an
   * unchanged description announced as new, never a changed one under the old version.
   */
  public synchronized void restore(SdpOrigin origin, SdpSession lastBody) {
    Objects.requireNonNull(origin, "origin");
    lastSent = lastBody == null ? null : lastBody.withOrigin(origin);
    restoredOrigin = lastBody == null ? origin : null;
  }
}
