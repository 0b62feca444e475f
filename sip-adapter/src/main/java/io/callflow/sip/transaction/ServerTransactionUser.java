package io.callflow.sip.transaction;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;

/**
 * The transaction user for incoming requests (§17.2): the UAS core above the transaction
 * layer. Called on the event loop of the message's Call-ID.
 */
public interface ServerTransactionUser {

  /** A new request (not ACK, not CANCEL) created {@code transaction}; answer through it. */
  void onRequest(ServerTransaction transaction);

  /**
   * An ACK no transaction absorbed: the ACK of a 2xx (it has its own branch, §17.1.1.3), or
   * one that reached an INVITE server transaction in Accepted (RFC 6026 §8.7).
   */
  void onAck(SipRequest ack, Peer source);

  /**
   * A CANCEL ended {@code invite} (§9.2): the layer already answered 200 to the CANCEL and 487
   * to the INVITE, whose request is therefore no longer held by the transaction but passed
   * here. A CANCEL arriving after the INVITE's final response changes nothing and is not told.
   */
  void onCancel(InviteServerTransaction invite, SipRequest inviteRequest, SipRequest cancel);

  /**
   * A response matched no client transaction (§17.1.3 leaves it to the core): typically a
   * 2xx retransmitted after the INVITE client transaction ended, which the UAC core ACKs again.
   */
  void onStrayResponse(SipResponse response, Peer source);

  /** Timer H fired: the ACK for a non-2xx final response never came (§17.2.1). */
  void onTimeout(ServerTransaction transaction);

  /** The transport could not deliver a response of {@code transaction}. */
  void onTransportError(ServerTransaction transaction, Throwable cause);
}
