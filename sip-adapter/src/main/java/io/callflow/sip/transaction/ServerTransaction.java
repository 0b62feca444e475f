package io.callflow.sip.transaction;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.util.Optional;

/**
 * A server transaction (§17.2): the TU answers its request with {@link #respond}, the
 * transaction absorbs retransmitted requests by re-sending its last response, and over UDP
 * keeps the final response alive until acknowledged or timed out.
 */
public abstract sealed class ServerTransaction extends Transaction
    permits InviteServerTransaction, NonInviteServerTransaction {

  final ServerKey key;
  private final String localTag;
  SipResponse lastResponse;

  ServerTransaction(TransactionLayer layer, SipRequest request, Peer peer, ServerKey key) {
    super(layer, request, peer);
    this.key = key;
    this.localTag = request.to().flatMap(to -> to.tag()).orElseGet(Branches::nextTag);
  }

  /**
   * The To tag of this side's responses (§8.2.6.2): the request's own To tag within a
   * dialog, otherwise one chosen when the request arrived, so every response of the
   * transaction, the 487 after a CANCEL and the CANCEL's 200 carry the same tag (§9.2).
   */
  public String localTag() {
    return localTag;
  }

  /**
   * A response to the request with this transaction's To tag (§8.2.6); a 100 Trying carries
   * none (§8.2.6.2 allows it and a tag there would fix the dialog too early).
   */
  public SipResponse createResponse(int status, String reason) {
    return request.createResponse(status, reason, status == 100 ? null : localTag);
  }

  /** Sends {@code response} per the state machine; call on the transaction's event loop. */
  public abstract void respond(SipResponse response);

  /** The last response sent, if any. */
  public Optional<SipResponse> lastResponse() {
    return Optional.ofNullable(lastResponse);
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
    String ackTag = ack.to().flatMap(to -> to.tag()).orElse("");
    String sentTag = lastResponse == null ? "" : lastResponse.to().flatMap(to -> to.tag()).orElse("");
    return ackTag.equals(sentTag);
  }
}
