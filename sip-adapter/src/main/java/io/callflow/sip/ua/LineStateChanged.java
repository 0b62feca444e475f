package io.callflow.sip.ua;

/**
 * A peer's line went up or down.
 *
 * @param detail the status code, transport error text or "timeout" behind {@code reason}
 */
public record LineStateChanged(Peer peer, LineState state, LineReason reason, String detail) {
}
