package io.callflow.sip.ua;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.transaction.ClientTransactionListener;
import io.callflow.sip.transaction.Peer;

/**
 * Starts a client transaction for an out-of-dialog request: {@code SipStack::send} in the
 * service (it hops onto the Call-ID's event loop itself), {@code TransactionLayer::send} when
 * the caller is already on the layer's loop.
 */
@FunctionalInterface
public interface RequestSender {

  void send(SipRequest request, Peer destination, ClientTransactionListener listener);
}
