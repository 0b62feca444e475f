package io.callflow.sip.ua;

import io.callflow.sip.transaction.Peer;
import java.util.function.Consumer;

/**
 * {@link RegisterTransport} over the stack: each REGISTER is a non-INVITE client transaction
 * to the registrar's next hop, started through a {@link RequestSender}.
 */
public final class TransactionRegisterTransport implements RegisterTransport {

  private final RequestSender sender;
  private final RegisterMessages messages;
  private final Peer nextHop;

  public TransactionRegisterTransport(RequestSender sender, RegisterMessages messages,
      Peer nextHop) {
    this.sender = sender;
    this.messages = messages;
    this.nextHop = nextHop;
  }

  @Override
  public void send(RegisterRequest request, Consumer<RegisterOutcome> outcome) {
    sender.send(messages.toMessage(request), nextHop, new FinalResponseListener(
        response -> outcome.accept(RegisterMessages.toOutcome(response, request.contact())),
        () -> outcome.accept(new RegisterOutcome.Timeout()),
        detail -> outcome.accept(new RegisterOutcome.TransportError(detail))));
  }
}
