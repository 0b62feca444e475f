package io.callflow.sip.transaction;

import io.callflow.sip.message.SipResponse;

/** The TU of one client transaction; called on the transaction's event loop. */
public interface ClientTransactionListener {

  /** For requests whose outcome nobody waits for (a BYE after a missing ACK, a CANCEL). */
  ClientTransactionListener IGNORE = new ClientTransactionListener() {
    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
    }
  };

  /**
   * A response arrived: every 1xx, the final response, and for an INVITE every 2xx while in
   * Accepted (RFC 6026 §8.4: retransmitted 2xx go to the TU, which ACKs each again).
   */
  void onResponse(ClientTransaction transaction, SipResponse response);

  /** Timer B (INVITE) or F (non-INVITE) fired with no final response: treat as 408 (§8.1.3.1). */
  void onTimeout(ClientTransaction transaction);

  /** The transport failed to deliver the request: treat as 503 (§8.1.3.1). */
  void onTransportError(ClientTransaction transaction, Throwable cause);
}
