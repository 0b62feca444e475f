package io.callflow.sip.stack;

import io.callflow.sip.codec.SipTrafficObserver;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogMetrics;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipRequestBuilder;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.metrics.EdgeRefusalMetrics;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.timer.EventLoopScheduler;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transaction.Branches;
import io.callflow.sip.transaction.ClientTransactionListener;
import io.callflow.sip.transaction.Peer;
import io.callflow.sip.transaction.TransactionMetrics;
import io.callflow.sip.transaction.TransportSender;
import io.callflow.sip.transport.CallIdAffinity;
import io.callflow.sip.transport.Destination;
import io.callflow.sip.transport.NettySipTransport;
import io.callflow.sip.transport.RequiredHeadersFilter;
import io.callflow.sip.transport.SipInboundHandler;
import io.callflow.sip.transport.SipMetrics;
import io.callflow.sip.transport.Source;
import io.callflow.sip.transport.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP stack: UDP and TCP transports → transaction layer (RFC 3261 §17) → dialogs (§12)
 * and the UA core → the {@link SipApplication}; and back out through client transactions.
 *
 * <p>Threading: one shard per event loop of the group. Every message goes to the shard its
 * Call-ID hashes to ({@code floorMod(callId.hashCode(), shards)}), so a call's transactions,
 * dialog, timers and application callbacks all run on one thread, in order, without a lock
 * shared between calls. Methods here may be called from any thread; the work moves to the
 * right loop (inline when already on it).
 */
public final class SipStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SipStack.class);

  private final IoEventLoopGroup group;
  private final boolean ownsGroup;
  private final Shard[] shards;
  private final Map<String, LocalEndpoint> endpoints;
  private final TransactionMetrics transactionMetrics;
  private final DialogMetrics dialogMetrics;
  private volatile NettySipTransport transport;
  private final TimerSettings timers;

  private SipStack(IoEventLoopGroup group, boolean ownsGroup, SipStackSettings settings,
      SipApplication application, Map<String, LocalEndpoint> endpoints, MeterRegistry registry,
      SipMessageMetrics messages, SipEdge edge) {
    this.group = group;
    this.ownsGroup = ownsGroup;
    this.timers = settings.timers();
    this.endpoints = endpoints;
    this.transactionMetrics = new TransactionMetrics(registry, messages);
    this.dialogMetrics = new DialogMetrics(registry);
    List<Shard> created = new ArrayList<>();
    TransportSender sender = this::transmit;
    for (EventExecutor executor : group) {
      EventLoop loop = (EventLoop) executor;
      created.add(new Shard(loop, loop::inEventLoop, new EventLoopScheduler(loop), settings.timers(),
          sender, application, endpoints, transactionMetrics, dialogMetrics, edge));
    }
    this.shards = created.toArray(new Shard[0]);
  }

  /**
   * Starts the stack on a new event-loop group of {@code settings.threads()} loops, which
   * {@link #stop()} shuts down, counting messages in a {@link SipMetrics} on {@code registry}.
   * No edge policy: every source is admitted (see {@link #start(SipStackSettings, SipApplication,
   * MeterRegistry, SipMessageMetrics, SipEdge)}).
   *
   * @param messages retransmission counter; bound to {@code registry} here (binding it again is harmless)
   * @throws IllegalStateException naming the address when a port cannot be bound
   */
  public static SipStack start(SipStackSettings settings, SipApplication application,
      MeterRegistry registry, SipMessageMetrics messages) throws InterruptedException {
    return startOwned(settings, application, registry, messages, null);
  }

  /**
   * Like {@link #start(SipStackSettings, SipApplication, MeterRegistry, SipMessageMetrics)},
   * with every inbound request checked against {@code edge} before the transaction layer;
   * its refusals are counted on {@code registry} ({@code callflow_sip_refused_requests_total}).
   */
  public static SipStack start(SipStackSettings settings, SipApplication application,
      MeterRegistry registry, SipMessageMetrics messages, SipEdge edge) throws InterruptedException {
    return startOwned(settings, application, registry, messages, Objects.requireNonNull(edge, "edge"));
  }

  /**
   * Starts the stack on {@code group} (shared with HTTP, say), which it does not shut down.
   * Shards follow the group's loops. Messages are reported to {@code observer} (a
   * {@link SipMetrics} on the registry, normally). No edge policy: every source is admitted.
   */
  public static SipStack start(SipStackSettings settings, SipApplication application,
      MeterRegistry registry, SipMessageMetrics messages, SipTrafficObserver observer,
      IoEventLoopGroup group) throws InterruptedException {
    return start(settings, application, registry, messages, observer, group, false, null);
  }

  /**
   * Like {@link #start(SipStackSettings, SipApplication, MeterRegistry, SipMessageMetrics,
   * SipTrafficObserver, IoEventLoopGroup)}, with every inbound request checked against
   * {@code edge} before the transaction layer.
   */
  public static SipStack start(SipStackSettings settings, SipApplication application,
      MeterRegistry registry, SipMessageMetrics messages, SipTrafficObserver observer,
      IoEventLoopGroup group, SipEdge edge) throws InterruptedException {
    return start(settings, application, registry, messages, observer, group, false,
        Objects.requireNonNull(edge, "edge"));
  }

  private static SipStack startOwned(SipStackSettings settings, SipApplication application,
      MeterRegistry registry, SipMessageMetrics messages, SipEdge edge) throws InterruptedException {
    IoEventLoopGroup group = NettySipTransport.newEventLoopGroup(settings.threads());
    try {
      return start(settings, application, registry, messages, new SipMetrics(registry), group, true, edge);
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  private static SipStack start(SipStackSettings settings, SipApplication application,
      MeterRegistry registry, SipMessageMetrics messages, SipTrafficObserver observer,
      IoEventLoopGroup group, boolean ownsGroup, SipEdge edge) throws InterruptedException {
    messages.bindTo(registry);
    if (edge == null) {
      LOG.warn("SIP stack started without an edge policy: requests from every source are admitted");
    } else {
      new EdgeRefusalMetrics(edge.policy().refusals()).bindTo(registry);
    }
    // Endpoints are filled in once the ports are bound (port 0 picks a free one).
    Map<String, LocalEndpoint> endpoints = new java.util.concurrent.ConcurrentHashMap<>();
    SipStack stack = new SipStack(group, ownsGroup, settings, application, endpoints, registry, messages, edge);
    SipInboundHandler inbound = new SipInboundHandler() {
      @Override
      public void onRequest(SipRequest request, Source source) {
        stack.receive(request, source);
      }

      @Override
      public void onResponse(SipResponse response, Source source) {
        stack.receive(response, source);
      }
    };
    NettySipTransport transport = NettySipTransport.start(settings.transport(),
        sender -> new RequiredHeadersFilter(inbound, sender, observer), observer,
        new EventLoopScheduler(group.next()), group);
    stack.transport = transport;
    endpoints.put("UDP", new LocalEndpoint("UDP", settings.advertisedHost(), transport.udpAddress().getPort()));
    endpoints.put("TCP", new LocalEndpoint("TCP", settings.advertisedHost(), transport.tcpAddress().getPort()));
    LOG.info("SIP stack started: {} shards, contact {} / {}", stack.shards.length,
        endpoints.get("UDP").contactUri(), endpoints.get("TCP").contactUri());
    return stack;
  }

  /** Closes the transports and, when the stack created it, the event-loop group. */
  public void stop() {
    NettySipTransport open = transport;
    if (open != null) {
      open.close();
      transport = null;
    }
    if (ownsGroup) {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** This stack's Via/Contact address for {@code transport} ("UDP" or "TCP"). */
  public LocalEndpoint endpoint(String transport) {
    return endpoints.get(transport);
  }

  /**
   * A request outside any dialog with what §8.1.1 makes this stack's job: a Via with a new
   * branch, a new Call-ID, CSeq 1 and this stack's Contact. The caller adds From (with a tag,
   * see {@link Branches#nextTag()}), To and a body.
   */
  public SipRequestBuilder newRequest(String method, String requestUri, String transport) {
    LocalEndpoint local = endpoint(transport);
    return SipRequest.builder(method, requestUri)
        .via(local.transport(), local.host(), local.port(), Branches.next())
        .callId(Branches.nextTag() + "@" + local.host())
        .cseq(1)
        .contact(local.contactUri());
  }

  /**
   * Like {@link #newRequest(String, String, String)}, with a Call-ID that hashes to the same
   * event loop as {@code sameLoopAs}: a B2BUA's second leg (and every callback leg) then lives
   * on the thread of the first, so one call's state needs no lock.
   */
  public SipRequestBuilder newRequest(String method, String requestUri, String transport, String sameLoopAs) {
    LocalEndpoint local = endpoint(transport);
    int loop = CallIdAffinity.loopIndex(sameLoopAs, shards.length);
    String callId;
    do {
      callId = Branches.nextTag() + "@" + local.host();
    } while (CallIdAffinity.loopIndex(callId, shards.length) != loop);
    return newRequest(method, requestUri, transport).callId(callId);
  }

  /**
   * Runs {@code task} on the event loop of {@code callId} (inline when already there), where
   * that call's messages are handled; nothing it throws escapes (it is logged).
   */
  public void execute(String callId, Runnable task) {
    shardFor(callId).execute(task);
  }

  /** Sends a request outside a dialog (OPTIONS, REGISTER, MESSAGE) through a client transaction. */
  public void send(SipRequest request, Peer destination, ClientTransactionListener listener) {
    Shard shard = shardFor(request.callId().orElse(""));
    shard.execute(() -> shard.send(request, destination, listener));
  }

  /** Sends an INVITE that creates a dialog; the stack ACKs the 2xx (§13.2.2.4). */
  public void invite(SipRequest invite, Peer destination, CallListener listener) {
    Shard shard = shardFor(invite.callId().orElse(""));
    shard.execute(() -> shard.invite(invite, destination, listener));
  }

  /**
   * Sends an INVITE that creates a dialog and whose 2xx the application ACKs itself with
   * {@link #ack}, e.g. with the answer to an offer the 2xx carries (RFC 3725 §4, an INVITE
   * without SDP). Until then retransmitted 2xx are absorbed; afterwards each gets that same
   * ACK again (§13.2.2.4). The application must ACK within 64*T1 or the peer ends the call.
   */
  public void inviteAckedByApplication(SipRequest invite, Peer destination, CallListener listener) {
    Shard shard = shardFor(invite.callId().orElse(""));
    shard.execute(() -> shard.inviteAckedByApplication(invite, destination, listener));
  }

  /**
   * The ACK for the 2xx to a dialog-creating INVITE sent with {@link #inviteAckedByApplication}:
   * CSeq {@code inviteCseq}, with {@code body} (may be null) of {@code contentType}.
   */
  public void ack(Dialog dialog, long inviteCseq, String contentType, byte[] body) {
    Shard shard = shardFor(dialog.id().callId());
    shard.execute(() -> shard.ack(dialog, inviteCseq, contentType, body));
  }

  /** The RFC 3261 timer values the stack runs with (T1 for 64*T1 deadlines, say). */
  public TimerSettings timers() {
    return timers;
  }

  /**
   * Cancels an INVITE sent with {@link #invite} while it has no final response (§9.1); the
   * CANCEL waits for the first provisional response. The {@link CallListener} then hears 487.
   */
  public void cancel(SipRequest invite) {
    Shard shard = shardFor(invite.callId().orElse(""));
    shard.execute(() -> shard.cancel(invite));
  }

  /** Sends {@code method} within {@code dialog} (BYE, re-INVITE, UPDATE, INFO, OPTIONS); body may be null. */
  public void sendInDialog(Dialog dialog, String method, String contentType, byte[] body,
      ClientTransactionListener listener) {
    Shard shard = shardFor(dialog.id().callId());
    shard.execute(() -> shard.sendInDialog(dialog, method, contentType, body, listener));
  }

  /**
   * Like {@link #sendInDialog(Dialog, String, String, byte[], ClientTransactionListener)}, with
   * {@code headers} (name to value, in order) added to the request: Reason on a BYE (RFC 3326),
   * Session-Expires and Supported on a refresh (RFC 4028), Event on a NOTIFY.
   */
  public void sendInDialog(Dialog dialog, String method, String contentType, byte[] body,
      Map<String, String> headers, ClientTransactionListener listener) {
    Shard shard = shardFor(dialog.id().callId());
    shard.execute(() -> shard.sendInDialog(dialog, method, contentType, body, headers, listener));
  }

  /**
   * Takes in a dialog restored after a restart ({@link Dialog#restore}) on the event loop its
   * Call-ID belongs to, so that the peer's requests in it are matched again; then calls
   * {@code done} on that loop with true, or with false (nothing changed) when the loop
   * already holds a dialog with the same id.
   */
  public void adopt(Dialog dialog, Consumer<Boolean> done) {
    Shard shard = shardFor(dialog.id().callId());
    shard.execute(() -> done.accept(shard.adopt(dialog)));
  }

  /**
   * Forgets {@code dialog} without sending anything (no BYE): for a dialog the peer no
   * longer has (481, 408, RFC 3261 §12.2.1.2).
   */
  public void discard(Dialog dialog) {
    Shard shard = shardFor(dialog.id().callId());
    shard.execute(() -> shard.discard(dialog));
  }

  /** Transactions not yet terminated, over all shards. */
  public long activeTransactions() {
    return transactionMetrics.active();
  }

  /** Dialogs, early or confirmed, over all shards. */
  public long activeDialogs() {
    return dialogMetrics.active();
  }

  private void receive(SipMessage message, Source source) {
    Peer peer = new Peer(source.transport().name(), source.remote());
    Shard shard = shardFor(message.callId().orElse(""));
    shard.execute(() -> shard.receive(message, peer));
  }

  private Shard shardFor(String callId) {
    return shards[CallIdAffinity.loopIndex(callId, shards.length)];
  }

  /**
   * The transaction layer's sender over the Netty transports. A UDP response goes back by
   * §18.2.2 and RFC 3581 (the transport reads received/rport from the Via); everything else,
   * including a TCP response, goes to the peer's address, which for TCP is the connection the
   * request came on.
   */
  private void transmit(SipMessage message, Peer peer, Consumer<Throwable> onFailure) {
    NettySipTransport open = transport;
    if (open == null) {
      onFailure.accept(new IllegalStateException("SIP stack stopped"));
      return;
    }
    Transport kind = peer.transport().equals("UDP") ? Transport.UDP : Transport.TCP;
    CompletableFuture<Void> sent = message instanceof SipResponse response && kind == Transport.UDP
        ? open.sendResponse(response, Source.udp(peer.address(), open.udpAddress()))
        : open.send(message, new Destination(kind, resolved(peer.address())));
    sent.whenComplete((ok, error) -> {
      if (error != null) {
        onFailure.accept(error);
      }
    });
  }

  private static InetSocketAddress resolved(InetSocketAddress address) {
    return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
  }
}
