package io.callflow.sip.transaction;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;

/**
 * A client transaction (§17.1): sends its request (again and again over UDP), passes the
 * responses to its {@link ClientTransactionListener}, and tells it of a timeout or a
 * transport error.
 */
public abstract sealed class ClientTransaction extends Transaction
    permits InviteClientTransaction, NonInviteClientTransaction {

  final ClientKey key;
  /** Not final: a non-INVITE transaction lets go of its TU at the final response (see {@link #forgetListener}). */
  ClientTransactionListener listener;

  ClientTransaction(TransactionLayer layer, SipRequest request, Peer peer, ClientKey key,
      ClientTransactionListener listener) {
    super(layer, request, peer);
    this.key = key;
    this.listener = listener;
  }

  /** The Via branch the responses are matched on (§17.1.3). */
  public String branch() {
    return key.branch();
  }

  /** True in the states that still wait for a final response. */
  abstract boolean awaitingFinal();

  /** Terminates; the TU hears of the error only while it still waits for a final response. */
  @Override
  void transportFailed(Throwable cause) {
    if (isTerminated()) {
      return;
    }
    boolean waiting = awaitingFinal();
    terminateNow();
    if (waiting) {
      listener.onTransportError(this, cause);
    }
  }

  /**
   * After the final response of a non-INVITE request nothing reaches the TU any more, yet the
   * transaction waits Timer K (§17.1.2.2); it must not keep the TU (often a whole call) alive
   * meanwhile.
   */
  void forgetListener() {
    listener = ClientTransactionListener.IGNORE;
  }

  /** Sends the request and starts the timers. */
  abstract void start();

  /** A response matched this transaction (§17.1.3). */
  abstract void responseReceived(SipResponse response);
}
