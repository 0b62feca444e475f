package io.callflow.sip.ua;

import io.callflow.sip.transaction.Peer;
import io.callflow.sip.transaction.TransactionLayer;
import java.util.function.Consumer;

/**
 * {@link RegisterTransport} over the transaction layer: each REGISTER is a non-INVITE client
 * transaction to the registrar's next hop. Call {@link #send} on the layer's event loop, as
 * {@link RegisterClient} does when its scheduler runs on that loop.
 */
public final class TransactionRegisterTransport implements RegisterTransport {

  private final TransactionLayer layer;
  private final RegisterMessages messages;
  private final Peer nextHop;

  public TransactionRegisterTransport(TransactionLayer layer, RegisterMessages messages,
      Peer nextHop) {
    this.layer = layer;
    this.messages = messages;
    this.nextHop = nextHop;
  }

  @Override
  public void send(RegisterRequest request, Consumer<RegisterOutcome> outcome) {
    layer.send(messages.toMessage(request), nextHop, new FinalResponseListener(
        response -> outcome.accept(RegisterMessages.toOutcome(response, request.contact())),
        () -> outcome.accept(new RegisterOutcome.Timeout()),
        detail -> outcome.accept(new RegisterOutcome.TransportError(detail))));
  }
}
