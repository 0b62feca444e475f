package io.callflow.sip.transaction;

import io.callflow.core.time.Scheduler;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction layer of one event loop (RFC 3261 §17): matches requests to server
 * transactions (§17.2.3, with the RFC 2543 fallback) and responses to client transactions
 * (§17.1.3), creates new transactions, answers CANCEL (§9.2) and hands everything else to
 * the TU.
 *
 * <p>Threading: the stack runs one layer per event loop and sends each message to the loop
 * its Call-ID hashes to, so all of a call's transactions live in one layer and every method
 * here runs on that loop's thread; the maps need no lock and no other layer ever sees them.
 */
public final class TransactionLayer {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionLayer.class);
  /** A DNS name is at most 253 characters (RFC 1035 §2.3.4); a longer sent-by host is not shared. */
  static final int MAX_SHARED_HOST_LENGTH = 255;

  private final TimerSettings settings;
  private final Scheduler scheduler;
  private final Executor loop;
  private final TransportSender sender;
  private final ServerTransactionUser user;
  private final TransactionMetrics metrics;
  private final Map<ServerKey, ServerTransaction> servers = new HashMap<>();
  private final Map<ClientKey, ClientTransaction> clients = new HashMap<>();
  private final SharedValues<Peer> peers = new SharedValues<>();
  private final SharedValues<String> sentByHosts = new SharedValues<>();
  private final LingerQueues lingering;

  /**
   * @param loop runs transport-failure callbacks back on this layer's thread
   */
  public TransactionLayer(TimerSettings settings, Scheduler scheduler, Executor loop,
      TransportSender sender, ServerTransactionUser user, TransactionMetrics metrics) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.user = Objects.requireNonNull(user, "user");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.lingering = new LingerQueues(scheduler);
  }

  /** A request from {@code source}: a retransmission, an ACK, a CANCEL or a new transaction. */
  public void onRequest(SipRequest request, Peer source) {
    Optional<ServerKey> key = ServerKey.of(request);
    if (key.isEmpty()) {
      LOG.debug("{} from {} without Via/CSeq/Call-ID dropped before matching", request.method(), source);
      return;
    }
    ServerTransaction existing = servers.get(key.get());
    boolean ack = request.method().equals("ACK");
    if (existing != null && (!ack || existing.matchesToTag(request))) {
      if (ack && existing instanceof InviteServerTransaction invite) {
        invite.ackReceived(request);
      } else if (!ack) {
        existing.requestRetransmitted(request);
      }
      return;
    }
    if (ack) {
      user.onAck(request, source);
      return;
    }
    Peer peer = peers.canonical(source);
    ServerKey kept = withSharedHost(key.get());
    ServerTransaction created = request.method().equals("INVITE")
        ? new InviteServerTransaction(this, request, peer, kept)
        : new NonInviteServerTransaction(this, request, peer, kept);
    servers.put(kept, created);
    metrics.started();
    if (request.method().equals("CANCEL")) {
      cancel(request, created);
      return;
    }
    if (created instanceof InviteServerTransaction invite) {
      invite.start();
    }
    user.onRequest(created);
  }

  /**
   * {@code key} with its sent-by host from {@link #sentByHosts}, for a transaction about to be
   * kept: the parser makes a new host String per request, and the hosts are few (the PBX, the
   * phones). Only at creation: lookups and retransmissions need no shared copy.
   */
  private ServerKey withSharedHost(ServerKey key) {
    if (key instanceof ServerKey.Rfc3261 rfc3261 && rfc3261.sentByHost().length() <= MAX_SHARED_HOST_LENGTH) {
      return new ServerKey.Rfc3261(rfc3261.branch(), sentByHosts.canonical(rfc3261.sentByHost()),
          rfc3261.sentByPort(), rfc3261.method());
    }
    return key;
  }

  /**
   * §9.2: 200 to the CANCEL and 487 to the INVITE it matches, or 481 when none does; the TU
   * hears of it only when the CANCEL ended the INVITE.
   */
  private void cancel(SipRequest cancel, ServerTransaction cancelTransaction) {
    ServerTransaction target = ServerKey.cancelled(cancel).map(servers::get).orElse(null);
    if (!(target instanceof InviteServerTransaction invite)) {
      cancelTransaction.respond(cancelTransaction.createResponse(481, null));
      return;
    }
    cancelTransaction.respond(cancel.createResponse(200, null, invite.localTag()));
    if (invite.state() != InviteServerState.PROCEEDING) {
      return; // §9.2: the INVITE already has its final response; the CANCEL changes nothing.
    }
    SipRequest request = invite.request(); // not held after the 487, its final response
    invite.respond(invite.createResponse(487, null));
    user.onCancel(invite, request, cancel);
  }

  /** A response from {@code source}: to its client transaction, or to the TU when none matches. */
  public void onResponse(SipResponse response, Peer source) {
    ClientTransaction transaction = ClientKey.of(response).map(clients::get).orElse(null);
    if (transaction == null) {
      user.onStrayResponse(response, source);
      return;
    }
    transaction.responseReceived(response);
  }

  /**
   * Starts a client transaction for {@code request} (which carries its own Via with a fresh
   * branch, see {@link Branches#next()}) to {@code destination}.
   *
   * @throws IllegalArgumentException for an ACK (not a transaction, see {@link #sendWithoutTransaction})
   *     or a request without a Via branch or CSeq
   */
  public ClientTransaction send(SipRequest request, Peer destination, ClientTransactionListener listener) {
    if (request.method().equals("ACK")) {
      throw new IllegalArgumentException("an ACK is sent without a transaction (RFC 3261 §17.1.1.3)");
    }
    ClientKey key = ClientKey.of(request).orElseThrow(() ->
        new IllegalArgumentException("request needs a Via with a branch and a CSeq to start a transaction"));
    Peer peer = peers.canonical(destination);
    ClientTransaction transaction = request.method().equals("INVITE")
        ? new InviteClientTransaction(this, request, peer, key, listener)
        : new NonInviteClientTransaction(this, request, peer, key, listener);
    clients.put(key, transaction);
    metrics.started();
    transaction.start();
    return transaction;
  }

  /** Sends a message outside any transaction: the ACK of a 2xx, the UAS core's 2xx retransmissions. */
  public void sendWithoutTransaction(SipMessage message, Peer peer) {
    sender.send(message, peer, cause -> LOG.debug("{} to {} not delivered: {}",
        describe(message), peer, cause.toString()));
  }

  /** The server transaction with {@code key}, for tests and the UAS core. */
  public Optional<ServerTransaction> server(ServerKey key) {
    return Optional.ofNullable(servers.get(key));
  }

  /** The server transaction {@code request} matches, if any. */
  public Optional<ServerTransaction> serverFor(SipRequest request) {
    return ServerKey.of(request).map(servers::get);
  }

  /** The client transaction {@code message} (its request or a response) matches, if any. */
  public Optional<ClientTransaction> clientFor(SipMessage message) {
    return ClientKey.of(message).map(clients::get);
  }

  /** Transactions on this loop not yet terminated. */
  public int size() {
    return servers.size() + clients.size();
  }

  void transmit(Transaction transaction, SipMessage message) {
    sender.send(message, transaction.peer(), cause -> loop.execute(() -> {
      LOG.debug("{} to {} failed: {}", describe(message), transaction.peer(), cause.toString());
      transaction.transportFailed(cause);
    }));
  }

  void remove(Transaction transaction) {
    boolean removed;
    if (transaction instanceof ServerTransaction server) {
      removed = servers.remove(server.key, server);
    } else {
      ClientTransaction client = (ClientTransaction) transaction;
      removed = clients.remove(client.key, client);
    }
    if (removed) {
      metrics.terminated();
    }
  }

  private static String describe(SipMessage message) {
    return message instanceof SipRequest request ? request.method()
        : Integer.toString(((SipResponse) message).statusCode());
  }

  TimerSettings settings() {
    return settings;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  LingerQueues lingering() {
    return lingering;
  }

  TransactionMetrics metrics() {
    return metrics;
  }

  ServerTransactionUser user() {
    return user;
  }
}
