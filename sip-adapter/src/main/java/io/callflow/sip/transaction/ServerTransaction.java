package io.callflow.sip.transaction;

import io.callflow.sip.message.MessageChanges;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.message.StoredMessage;

/**
 * A server transaction (§17.2): the TU answers its request with {@link #respond}, the
 * transaction absorbs retransmitted requests by re-sending its last response, and over UDP
 * keeps the final response alive until acknowledged or timed out.
 */
public abstract sealed class ServerTransaction extends Transaction
    permits InviteServerTransaction, NonInviteServerTransaction {

  final ServerKey key;
  /** Null once a non-INVITE transaction lingers; see {@link #shed}. */
  private String localTag;
  /** Empty once the transaction lingers. */
  private String remoteTag;
  /** The last response while it may be sent again parsed (a 1xx, an INVITE's non-2xx until its ACK). */
  private SipResponse lastResponse;
  /** A non-INVITE's final response, kept encoded for the 64*T1 of Completed (§17.2.2). */
  private StoredMessage storedFinal;
  private int lastStatus;
  /** The To tag of the last response, for matching an RFC 2543 ACK (§17.2.3). */
  private String sentToTag = "";

  ServerTransaction(TransactionLayer layer, SipRequest request, Peer peer, ServerKey key) {
    super(layer, request, peer);
    this.key = key;
    this.localTag = request.toTag().orElseGet(Branches::nextTag);
    this.remoteTag = request.fromTag().orElse("");
  }

  /**
   * The To tag of this side's responses (§8.2.6.2): the request's own To tag within a
   * dialog, otherwise one chosen when the request arrived, so every response of the
   * transaction, the 487 after a CANCEL and the CANCEL's 200 carry the same tag (§9.2). An
   * INVITE transaction keeps it while it lingers (a CANCEL crossing its 2xx is answered with
   * it); a non-INVITE one, null then, has no use for it after its final response.
   */
  public String localTag() {
    return localTag;
  }

  /**
   * The From tag of the request: the remote tag of a dialog it creates (§12.1.1); empty if none,
   * and once the transaction lingers after its final response.
   */
  public String remoteTag() {
    return remoteTag;
  }

  /**
   * A response to the request with this transaction's To tag (§8.2.6); a 100 Trying carries
   * none (§8.2.6.2 allows it and a tag there would fix the dialog too early).
   *
   * @throws IllegalStateException after the final response (the request is no longer held)
   */
  public SipResponse createResponse(int status, String reason) {
    return responseTo(request(), status, reason);
  }

  /** {@link #createResponse} for {@code request}, the one this transaction was created for. */
  public SipResponse responseTo(SipRequest request, int status, String reason) {
    return responseTo(request, status, reason, null);
  }

  /** {@link #responseTo(SipRequest, int, String)} with {@code changes} (or null) made as it is created. */
  public SipResponse responseTo(SipRequest request, int status, String reason, MessageChanges changes) {
    return request.createResponse(status, reason, status == 100 ? null : localTag, changes);
  }

  /** Sends {@code response} per the state machine; call on the transaction's event loop. */
  public abstract void respond(SipResponse response);

  /** The status code of the last response sent, 0 before any. */
  public int lastStatus() {
    return lastStatus;
  }

  /** True once a final response (200-699) was sent. */
  public boolean answered() {
    return lastStatus >= 200;
  }

  /** Notes {@code response} as the last one sent; it is kept parsed for sending again. */
  void sent(SipResponse response) {
    lastResponse = response;
    lastStatus = response.statusCode();
    if (!(key instanceof ServerKey.Rfc3261)) {
      sentToTag = response.toTag().orElse("");
    }
    if (answered()) {
      forgetRequest();
    }
  }

  /** The final response stays only as bytes (non-INVITE Completed, §17.2.2). */
  void storeFinal() {
    if (lastResponse != null) {
      storedFinal = StoredMessage.of(lastResponse);
      lastResponse = null;
    }
  }

  /** Nothing needs to be sent again any more (INVITE Accepted, Confirmed). */
  void forgetResponses() {
    lastResponse = null;
    storedFinal = null;
  }

  @Override
  void shed() {
    super.shed();
    remoteTag = "";
    if (!(this instanceof InviteServerTransaction)) {
      localTag = null;
    }
  }

  @Override
  void ended() {
    super.ended();
    forgetResponses();
  }

  @Override
  void transportFailed(Throwable cause) {
    if (!isTerminated()) {
      terminateNow();
      layer.user().onTransportError(this, cause);
    }
  }

  /** A retransmission of the request arrived (§17.2.1, §17.2.2). */
  abstract void requestRetransmitted(SipRequest retransmission);

  /** Sends the last response again, if there is one, because the request came again. */
  void resendLastResponse() {
    if (lastResponse != null) {
      layer.metrics().responseRetransmitted();
      transmit(lastResponse);
    } else if (storedFinal != null) {
      layer.metrics().responseRetransmitted();
      transmit(storedFinal.message());
    }
  }

  /**
   * §17.2.3 for RFC 2543 peers: an ACK matches only if its To tag is the one of the
   * response this transaction sent. With an RFC 3261 branch the branch already decides.
   */
  boolean matchesToTag(SipRequest ack) {
    if (key instanceof ServerKey.Rfc3261) {
      return true;
    }
    return ack.toTag().orElse("").equals(sentToTag);
  }
}
