package io.callflow.sip.transport;

import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The outbound side of the transport layer. Each call returns a future that completes when the
 * message was handed to the network and fails on a transport error (RFC 3261 §8.1.3.1, §17.1.4:
 * the transaction layer turns that into a 503 or a transport error to its user).
 */
public interface SipSender {

  /**
   * Sends {@code message} to {@code destination}: one UDP datagram, or on TCP over an open
   * connection to that address, connecting first when there is none (§18.1.1).
   */
  CompletableFuture<Void> send(SipMessage message, Destination destination);

  /**
   * Sends a response back the way its request came (RFC 3261 §18.2.2, RFC 3581 §4): over TCP on
   * the request's connection while it is open, else on a new one to the source IP at the Via
   * sent-by port; over UDP to the source IP, at the source port when the Via has {@code rport},
   * else at the sent-by port. The Via host is never resolved.
   */
  CompletableFuture<Void> sendResponse(SipResponse response, Source source);
}
