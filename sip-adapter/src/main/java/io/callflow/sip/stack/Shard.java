package io.callflow.sip.stack;

import io.callflow.core.time.Scheduler;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogId;
import io.callflow.sip.dialog.DialogMetrics;
import io.callflow.sip.dialog.DialogOrigin;
import io.callflow.sip.dialog.DialogState;
import io.callflow.sip.dialog.DialogTable;
import io.callflow.sip.dialog.InDialogRequest;
import io.callflow.sip.dialog.UriText;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipRequestBuilder;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.message.StoredMessage;
import io.callflow.sip.timer.TimerName;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transaction.Branches;
import io.callflow.sip.transaction.ClientTransaction;
import io.callflow.sip.transaction.ClientTransactionListener;
import io.callflow.sip.transaction.InviteServerTransaction;
import io.callflow.sip.transaction.Peer;
import io.callflow.sip.transaction.ServerTransaction;
import io.callflow.sip.transaction.ServerTransactionUser;
import io.callflow.sip.transaction.TransactionLayer;
import io.callflow.sip.transaction.TransactionMetrics;
import io.callflow.sip.transaction.TransportSender;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event loop's share of the stack: its transaction layer, its dialogs and the UA core
 * between them and the application (RFC 3261 §8, §12, §13). Every call whose Call-ID hashes
 * to this loop is handled here, on the loop's thread, in arrival order; nothing here is
 * shared with another shard, so nothing is locked.
 */
final class Shard implements ServerTransactionUser {

  private static final Logger LOG = LoggerFactory.getLogger(Shard.class);

  private final Executor loop;
  private final BooleanSupplier inLoop;
  private final Scheduler scheduler;
  private final TimerSettings settings;
  private final TransactionMetrics metrics;
  private final TransactionLayer layer;
  private final DialogTable dialogs;
  private final SipApplication application;
  private final Map<String, LocalEndpoint> endpoints;
  private final Map<DialogId, AnswerRetransmission> awaitingAck = new HashMap<>();
  /**
   * Dialogs of INVITEs whose 2xx the application ACKs itself ({@link #inviteAckedByApplication}):
   * empty until it has, then the ACK it sent, resent for every retransmitted 2xx (§13.2.2.4).
   */
  private final Map<DialogId, Optional<ApplicationAck>> applicationAcks = new HashMap<>();
  /** INVITEs this side sent that have no final response yet, by Via branch (for CANCEL). */
  private final Map<String, UacInvite> unanswered = new HashMap<>();
  /** Null when the stack was started without a {@link SipEdge}: every request goes on. */
  private final EdgeGate gate;

  Shard(Executor loop, BooleanSupplier inLoop, Scheduler scheduler, TimerSettings settings,
      TransportSender sender, SipApplication application, Map<String, LocalEndpoint> endpoints,
      TransactionMetrics metrics, DialogMetrics dialogMetrics) {
    this(loop, inLoop, scheduler, settings, sender, application, endpoints, metrics, dialogMetrics, null);
  }

  /** @param edge checked for every inbound request before the transaction layer; null for none */
  Shard(Executor loop, BooleanSupplier inLoop, Scheduler scheduler, TimerSettings settings,
      TransportSender sender, SipApplication application, Map<String, LocalEndpoint> endpoints,
      TransactionMetrics metrics, DialogMetrics dialogMetrics, SipEdge edge) {
    this.loop = loop;
    this.inLoop = inLoop;
    this.scheduler = scheduler;
    this.settings = settings;
    this.metrics = metrics;
    this.application = application;
    this.endpoints = endpoints; // filled in by the stack once the ports are bound
    this.dialogs = new DialogTable(dialogMetrics);
    this.layer = new TransactionLayer(settings, scheduler, this::execute, sender, this, metrics);
    this.gate = edge == null ? null : new EdgeGate(edge, layer, dialogs);
  }

  /** Runs {@code task} on this shard's loop: at once when already there. Nothing it throws escapes. */
  void execute(Runnable task) {
    if (inLoop.getAsBoolean()) {
      guarded(task);
    } else {
      loop.execute(() -> guarded(task));
    }
  }

  private static void guarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.error("SIP task failed; the message or call it served is dropped", e);
    }
  }

  /** A message from the transport; a request passes the edge first. */
  void receive(SipMessage message, Peer source) {
    if (message instanceof SipRequest request) {
      if (gate == null || gate.admit(request, source)) {
        layer.onRequest(request, source);
      }
    } else {
      layer.onResponse((SipResponse) message, source);
    }
  }

  TransactionLayer layer() {
    return layer;
  }

  DialogTable dialogs() {
    return dialogs;
  }

  Optional<AnswerRetransmission> awaitingAck(DialogId id) {
    return Optional.ofNullable(awaitingAck.get(id));
  }

  // ---- UAS core ------------------------------------------------------------------------

  @Override
  public void onRequest(ServerTransaction transaction) {
    SipRequest request = transaction.request();
    if (request.toTag().isEmpty()) {
      IncomingRequest incoming = new IncomingRequest(this, transaction, request, null);
      callApplication(incoming, () -> application.onRequest(incoming));
      return;
    }
    Optional<Dialog> found = dialogs.forReceivedRequest(request);
    if (found.isEmpty()) {
      // §12.2.2: a request with a To tag that matches no dialog.
      transaction.respond(transaction.createResponse(481, "Call/Transaction Does Not Exist"));
      return;
    }
    Dialog dialog = found.get();
    long cseq = request.cseq().orElseThrow().number();
    if (!dialog.acceptRemoteSeq(cseq)) {
      // §12.2.2: lower than the remote sequence number: out of order.
      transaction.respond(transaction.createResponse(500, "Out of Order CSeq"));
      return;
    }
    String method = request.method();
    if (method.equals("INVITE") || method.equals("UPDATE")) {
      request.contactUri().ifPresent(dialog::refreshTarget);
    } else if (method.equals("BYE")) {
      forget(dialog);
    }
    IncomingRequest incoming = new IncomingRequest(this, transaction, request, dialog);
    callApplication(incoming, () -> application.onDialogRequest(dialog, incoming));
  }

  private void callApplication(IncomingRequest incoming, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.error("application failed on {} (Call-ID {}); answering 500", incoming.method(),
          incoming.request().callId().orElse(""), e);
      if (!incoming.transaction().answered() && !incoming.transaction().isTerminated()) {
        respond(incoming, incoming.createResponse(500, "Server Internal Error"));
      }
    }
  }

  /** The UAS core's side of sending a response: dialog, Contact, 2xx retransmission. */
  void respond(IncomingRequest incoming, SipResponse response) {
    ServerTransaction transaction = incoming.transaction();
    int status = response.statusCode();
    if (transaction.isTerminated() || transaction.answered()) {
      LOG.debug("{} to {} not sent: already answered or ended (Call-ID {})", status,
          incoming.method(), incoming.request().callId().orElse(""));
      return;
    }
    SipRequest request = incoming.request();
    boolean invite = request.method().equals("INVITE");
    SipResponse out = response;
    if (carriesContact(request.method(), status) && !response.hasHeader("Contact")) {
      out = response.withHeader("Contact", contactHeader(transaction));
    }
    if (invite && status > 100 && status < 300) {
      Dialog dialog = incoming.dialog().orElseGet(() -> dialogs.createUas(request, response));
      if (status >= 200) {
        if (dialog.state() == DialogState.EARLY) {
          dialog.confirm(null, java.util.List.of());
        }
        expectAck(dialog, out, transaction.peer(), request.cseq().orElseThrow().number());
      }
    } else if (invite && status >= 300 && incoming.dialog().isEmpty()) {
      endEarlyDialog(transaction, request);
    }
    transaction.respond(out);
  }

  /**
   * Whether a {@code status} response to {@code method} carries this side's Contact: a 101-299
   * to an INVITE or UPDATE (RFC 3261 §12.1.1, RFC 3311 §5.2).
   */
  static boolean carriesContact(String method, int status) {
    return status > 100 && status < 300 && (method.equals("INVITE") || method.equals("UPDATE"));
  }

  /** This side's Contact value for responses in {@code transaction} (RFC 3261 §8.1.1.8). */
  String contactHeader(ServerTransaction transaction) {
    return "<" + endpoint(transaction.peer().transport()).contactUri() + ">";
  }

  private void expectAck(Dialog dialog, SipResponse ok, Peer peer, long cseq) {
    AnswerRetransmission previous = awaitingAck.put(dialog.id(), new AnswerRetransmission(
        scheduler, settings, cseq, peer.reliable(),
        () -> {
          metrics.successRetransmitted();
          layer.sendWithoutTransaction(ok, peer);
        },
        () -> ackNeverCame(dialog)));
    if (previous != null) {
      previous.acknowledged();
    }
  }

  private void ackNeverCame(Dialog dialog) {
    awaitingAck.remove(dialog.id());
    metrics.timedOut(TimerName.ACK_WAIT);
    LOG.info("2xx never acknowledged within 64*T1; ending the session with BYE (Call-ID {})",
        dialog.id().callId());
    sendInDialog(dialog, "BYE", null, null, ClientTransactionListener.IGNORE);
    application.onAckTimeout(dialog);
  }

  /** The early dialog a 101-199 to {@code request} created, ended by a 300-699 or a CANCEL. */
  private void endEarlyDialog(ServerTransaction invite, SipRequest request) {
    String remoteTag = request.fromTag().orElse("");
    if (!remoteTag.isEmpty()) {
      dialogs.get(new DialogId(request.callId().orElse(""), invite.localTag(), remoteTag)).ifPresent(this::forget);
    }
  }

  private void forget(Dialog dialog) {
    applicationAcks.remove(dialog.id());
    AnswerRetransmission pending = awaitingAck.remove(dialog.id());
    if (pending != null) {
      pending.acknowledged();
    }
    dialogs.remove(dialog);
  }

  /** Takes in a restored dialog; see {@link SipStack#adopt}. */
  boolean adopt(Dialog dialog) {
    return dialogs.adopt(dialog);
  }

  /** Forgets {@code dialog} without sending anything; see {@link SipStack#discard}. */
  void discard(Dialog dialog) {
    forget(dialog);
  }

  @Override
  public void onAck(SipRequest ack, Peer source) {
    Optional<Dialog> dialog = dialogs.forReceivedRequest(ack);
    if (dialog.isEmpty()) {
      LOG.debug("ACK matching no dialog absorbed (Call-ID {})", ack.callId().orElse(""));
      return;
    }
    AnswerRetransmission pending = awaitingAck.get(dialog.get().id());
    long cseq = ack.cseq().map(c -> c.number()).orElse(-1L);
    if (pending != null && pending.cseq() == cseq) {
      awaitingAck.remove(dialog.get().id());
      pending.acknowledged();
      application.onAck(dialog.get(), ack);
    }
  }

  @Override
  public void onCancel(InviteServerTransaction invite, SipRequest inviteRequest, SipRequest cancel) {
    endEarlyDialog(invite, inviteRequest);
    IncomingRequest incoming = new IncomingRequest(this, invite, inviteRequest, null);
    callApplication(incoming, () -> application.onCancel(incoming));
  }

  @Override
  public void onStrayResponse(SipResponse response, Peer source) {
    boolean inviteOk = response.statusCode() >= 200 && response.statusCode() < 300
        && response.cseq().map(c -> c.method().equals("INVITE")).orElse(false);
    if (inviteOk) {
      // §13.2.2.4: every 2xx retransmission is acknowledged again.
      dialogs.forReceivedResponse(response)
          .ifPresent(dialog -> ackAgain(dialog, response.cseq().orElseThrow().number()));
    }
  }

  @Override
  public void onTimeout(ServerTransaction transaction) {
    LOG.debug("no ACK for the final response to {} (Call-ID {})", transaction.method(), transaction.callId());
  }

  @Override
  public void onTransportError(ServerTransaction transaction, Throwable cause) {
    LOG.debug("response to {} not delivered to {}: {}", transaction.method(), transaction.peer(), cause.toString());
  }

  // ---- UAC core ------------------------------------------------------------------------

  /** Sends a request outside a dialog through a new client transaction. */
  ClientTransaction send(SipRequest request, Peer destination, ClientTransactionListener listener) {
    return layer.send(request, destination, listener);
  }

  /** Sends an INVITE that creates a dialog; ACKs every 2xx and reports to {@code listener}. */
  void invite(SipRequest invite, Peer destination, CallListener listener) {
    invite(invite, destination, listener, false);
  }

  /**
   * Like {@link #invite(SipRequest, Peer, CallListener)}, but the 2xx that answers it is left
   * for the application to ACK with {@link #ack} (RFC 3725: the ACK carries the answer to the
   * offer in the 2xx). Until then retransmitted 2xx are absorbed; afterwards each gets the
   * application's ACK again.
   */
  void inviteAckedByApplication(SipRequest invite, Peer destination, CallListener listener) {
    invite(invite, destination, listener, true);
  }

  private void invite(SipRequest invite, Peer destination, CallListener listener, boolean applicationAcks) {
    UacInvite call = new UacInvite(invite, destination, listener, applicationAcks);
    unanswered.put(call.branch, call);
    layer.send(invite, destination, call);
  }

  /**
   * §13.2.2.4: the ACK for the 2xx to the dialog-creating INVITE with CSeq {@code inviteCseq},
   * with an optional body (the answer). It is kept for 64*T1, the longest the UAS retransmits
   * its 2xx, and sent again for each retransmission.
   */
  void ack(Dialog dialog, long inviteCseq, String contentType, byte[] body) {
    InDialogRequest spec = dialog.requestWithSeq("ACK", inviteCseq);
    Peer peer = peerFor(spec.nextHop());
    SipRequest request = build(spec, peer, contentType, body, Map.of());
    layer.sendWithoutTransaction(request, peer);
    if (dialog.state() != DialogState.TERMINATED) {
      ApplicationAck ack = new ApplicationAck(StoredMessage.of(request), peer);
      applicationAcks.put(dialog.id(), Optional.of(ack));
      scheduler.schedule(settings.sixtyFourT1(), () -> applicationAcks.remove(dialog.id(), Optional.of(ack)));
    }
  }

  /** A retransmitted 2xx: the application's ACK again, none while it has not ACKed, else a plain ACK. */
  private void ackAgain(Dialog dialog, long cseq) {
    Optional<ApplicationAck> kept = applicationAcks.get(dialog.id());
    if (kept == null) {
      sendAck(dialog, cseq);
    } else {
      kept.ifPresent(ack -> layer.sendWithoutTransaction(ack.request().message(), ack.peer()));
    }
  }

  /** An ACK the application built, kept encoded for the 64*T1 it may be resent, and where it went. */
  private record ApplicationAck(StoredMessage request, Peer peer) {
  }

  /**
   * §9.1: cancels an INVITE sent with {@link #invite} that has no final response yet. The
   * CANCEL goes once a provisional response has arrived (before that it could overtake the
   * INVITE), as its own client transaction; the INVITE then ends with 487 as usual.
   */
  void cancel(SipRequest invite) {
    UacInvite call = unanswered.get(invite.topVia().flatMap(via -> via.branch()).orElse(""));
    if (call != null) {
      call.cancel();
    }
  }

  /** Sends a request within {@code dialog} (§12.2.1.1) with an optional body. */
  void sendInDialog(Dialog dialog, String method, String contentType, byte[] body,
      ClientTransactionListener listener) {
    sendInDialog(dialog, method, contentType, body, Map.of(), listener);
  }

  /** Like {@link #sendInDialog(Dialog, String, String, byte[], ClientTransactionListener)} with extra headers. */
  void sendInDialog(Dialog dialog, String method, String contentType, byte[] body,
      Map<String, String> headers, ClientTransactionListener listener) {
    InDialogRequest spec = dialog.newRequest(method);
    Peer peer = peerFor(spec.nextHop());
    SipRequest request = build(spec, peer, contentType, body, headers);
    ClientTransactionListener wrapped = listener;
    if (method.equals("BYE")) {
      forget(dialog);
    } else if (method.equals("INVITE")) {
      wrapped = new InDialogInvite(dialog, listener);
    }
    layer.send(request, peer, wrapped);
  }

  private void sendAck(Dialog dialog, long cseq) {
    InDialogRequest spec = dialog.requestWithSeq("ACK", cseq);
    Peer peer = peerFor(spec.nextHop());
    layer.sendWithoutTransaction(build(spec, peer, null, null, Map.of()), peer);
  }

  /**
   * The request {@code spec} describes, going to {@code hop} (its Via and Contact are for that
   * transport), with {@code headers} after the ones the dialog sets: extension headers such as
   * Reason or Session-Expires, built in, not copied in afterwards (none the builder writes
   * itself, which would come out twice).
   */
  private SipRequest build(InDialogRequest spec, Peer hop, String contentType, byte[] body,
      Map<String, String> headers) {
    LocalEndpoint local = endpoint(hop.transport());
    SipRequestBuilder builder = SipRequest.builder(spec.method(), spec.requestUri())
        .from("", spec.fromUri(), spec.fromTag())
        .to("", spec.toUri(), spec.toTag())
        .callId(spec.callId())
        .cseq(spec.cseq())
        .via(local.transport(), local.host(), local.port(), Branches.next())
        .contact(local.contactUri())
        .routes(spec.routes());
    headers.forEach(builder::header);
    if (body != null && body.length > 0) {
      builder.body(contentType, body);
    }
    // Every value comes from the dialog (parsed from the peer's messages) or this side.
    return builder.buildTrusted();
  }

  /** The peer a URI's host, port and transport name (§8.1.2 without RFC 3263 lookups). */
  static Peer peerFor(String uri) {
    UriText.Hop hop = UriText.hop(uri);
    String transport = hop.transport().equals("UDP") ? "UDP" : "TCP";
    return HopPeers.of(transport, hop.host(), hop.port());
  }

  LocalEndpoint endpoint(String transport) {
    LocalEndpoint endpoint = endpoints.get(transport);
    return endpoint != null ? endpoint : endpoints.values().iterator().next();
  }

  /**
   * The UAC core for one dialog-creating INVITE (§13.2.2). Its transaction lives on for 64*T1
   * after a 2xx (RFC 6026 §8.4), so once the final response is in, this lets go of the INVITE
   * and the application's listener and keeps only what later 2xx need.
   */
  private final class UacInvite implements ClientTransactionListener {
    private final Peer destination;
    private final String branch;
    private final boolean ackedByApplication;
    /** Both null from the final response on. */
    private SipRequest invite;
    private CallListener listener;
    private DialogOrigin origin;
    /**
     * The remote tag of the dialog of the first 2xx: the dialog itself ends with the call, and
     * this object lingers for Timer M. Later 2xx from other forks are ended with BYE. Every
     * dialog of this INVITE has its Call-ID and local tag, so the remote tag tells them apart;
     * the whole {@link DialogId}, parsed from the 2xx, cost up to five objects more per call, each
     * kept those 32 s.
     */
    private String answeredRemoteTag;
    private boolean provisionalSeen;
    private boolean cancelWanted;
    private boolean cancelSent;

    UacInvite(SipRequest invite, Peer destination, CallListener listener, boolean applicationAcks) {
      this.invite = invite;
      this.destination = destination;
      this.listener = listener;
      this.ackedByApplication = applicationAcks;
      this.branch = invite.topVia().flatMap(via -> via.branch()).orElse("");
    }

    void cancel() {
      cancelWanted = true;
      if (provisionalSeen && !cancelSent && invite != null) {
        cancelSent = true;
        layer.send(invite.createCancel(), destination, ClientTransactionListener.IGNORE);
      }
    }

    private DialogOrigin origin() {
      if (origin == null) {
        origin = DialogOrigin.of(invite);
      }
      return origin;
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
      int status = response.statusCode();
      boolean tagged = response.toTag().isPresent();
      if (status < 200) {
        provisionalSeen = true;
        if (cancelWanted) {
          cancel();
        }
        Dialog early = status > 100 && tagged ? dialogs.createUac(origin(), response) : null;
        listener.onProvisional(response, early);
        return;
      }
      unanswered.remove(branch, this);
      if (status < 300 && !tagged) {
        LOG.debug("2xx without a To tag ignored (Call-ID {})", response.callId().orElse(""));
        return;
      }
      CallListener told = listener;
      if (invite != null) {
        origin();
        invite = null;
        listener = null;
      }
      if (status < 300) {
        Optional<Dialog> known = dialogs.forReceivedResponse(response);
        Dialog dialog = known.orElseGet(() -> dialogs.createUac(origin, response));
        if (dialog.state() == DialogState.EARLY) {
          dialog.confirm(response.contactUri().orElse(null), response.recordRoutes());
        }
        // The answered dialog itself; a 2xx of it arriving after it ended made a new one above,
        // which is acknowledged and ended like another fork's.
        boolean theAnswered = answeredRemoteTag == null
            || (known.isPresent() && answeredRemoteTag.equals(dialog.id().remoteTag()));
        if (ackedByApplication && theAnswered) {
          applicationAcks.putIfAbsent(dialog.id(), Optional.empty());
          ackAgain(dialog, origin.cseq());
        } else {
          sendAck(dialog, origin.cseq());
        }
        if (answeredRemoteTag == null) {
          answeredRemoteTag = dialog.id().remoteTag();
          told.onAnswered(dialog, response);
        } else if (!theAnswered && dialog.state() != DialogState.TERMINATED) {
          // §13.2.2.4: a 2xx from another fork is acknowledged, then that dialog is ended.
          sendInDialog(dialog, "BYE", null, null, ClientTransactionListener.IGNORE);
        }
      } else if (status >= 300) {
        dialogs.forReceivedResponse(response).ifPresent(Shard.this::forget);
        told.onFailed(status, response);
      }
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
      unanswered.remove(branch, this);
      listener.onFailed(408, null);
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
      unanswered.remove(branch, this);
      listener.onFailed(503, null);
    }
  }

  /** A re-INVITE this side sent: ACK its 2xx and take the new target (§14.1, §12.2.1.2). */
  private final class InDialogInvite implements ClientTransactionListener {
    private final Dialog dialog;
    private final ClientTransactionListener listener;

    InDialogInvite(Dialog dialog, ClientTransactionListener listener) {
      this.dialog = dialog;
      this.listener = listener;
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
      if (response.statusCode() >= 200 && response.statusCode() < 300) {
        response.contactUri().ifPresent(dialog::refreshTarget);
        sendAck(dialog, transaction.cseq());
      }
      listener.onResponse(transaction, response);
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
      listener.onTimeout(transaction);
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
      listener.onTransportError(transaction, cause);
    }
  }
}
