package io.callflow.sip.transport;

import io.netty.channel.Channel;
import java.util.Objects;

/**
 * An open stream connection, as an opaque handle: a response to a request that came over TCP
 * goes back on it (RFC 3261 §18.2.2). Hides the Netty channel from the layers above.
 */
public final class SipConnection {

  private final Channel channel;

  SipConnection(Channel channel) {
    this.channel = Objects.requireNonNull(channel, "channel");
  }

  Channel channel() {
    return channel;
  }

  /** Whether the connection can still carry a message. */
  public boolean isOpen() {
    return channel.isActive();
  }

  /** A short id for logs. */
  public String id() {
    return channel.id().asShortText();
  }

  @Override
  public String toString() {
    return "SipConnection[" + id() + "]";
  }
}
