package io.callflow.sip.transaction;

import io.callflow.sip.message.SipMessage;
import java.util.function.Consumer;

/**
 * The transport layer as the transactions see it: send one message to one peer. A failure
 * (a refused TCP connection, an unreachable port) is reported to {@code onFailure}, on any
 * thread; the transaction layer moves it back onto its own event loop and terminates the
 * transaction with "Transport Err." (§17.1.1.2, §17.1.2.2, §17.2.1, §17.2.2).
 */
@FunctionalInterface
public interface TransportSender {

  void send(SipMessage message, Peer peer, Consumer<Throwable> onFailure);
}
