package io.callflow.sip.stack;

import io.callflow.sip.edge.EdgePolicy;
import java.net.InetAddress;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the stack applies to every inbound request before the transaction layer: the
 * {@link EdgePolicy} (allow-lists, per-source rate limit) and a listener told of each source
 * whose request was allowed, typically {@code PeerLineMonitor::onRequestFrom} so any request
 * from a peer counts as proof that its line is up.
 *
 * <p>The listener can be set after the stack has started, because the line monitor sends its
 * probes through the stack and so is created after it:
 * <pre>
 * SipEdge edge = new SipEdge(policy);
 * SipStack stack = SipStack.start(settings, app, registry, messages, observer, group, edge);
 * PeerLineMonitor monitor = new PeerLineMonitor(peers, keepAlive, prober(stack), scheduler, lines);
 * edge.onAllowedRequest(monitor::onRequestFrom);
 * </pre>
 */
public final class SipEdge {

  private static final Consumer<InetAddress> NOBODY = address -> { };

  private final EdgePolicy policy;
  private volatile Consumer<InetAddress> allowedRequests;

  /** The policy, with no listener yet. */
  public SipEdge(EdgePolicy policy) {
    this(policy, NOBODY);
  }

  /** The policy and the listener told of every source whose request was allowed. */
  public SipEdge(EdgePolicy policy, Consumer<InetAddress> allowedRequestListener) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.allowedRequests = Objects.requireNonNull(allowedRequestListener, "allowedRequestListener");
  }

  /** The policy every inbound request is checked against. */
  public EdgePolicy policy() {
    return policy;
  }

  /**
   * Replaces the listener told of every allowed request's source address. It runs on the
   * event loop of the request's call and must not block.
   */
  public void onAllowedRequest(Consumer<InetAddress> listener) {
    this.allowedRequests = Objects.requireNonNull(listener, "listener");
  }

  void allowed(InetAddress source) {
    allowedRequests.accept(source);
  }
}
