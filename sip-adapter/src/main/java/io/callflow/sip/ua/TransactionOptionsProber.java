package io.callflow.sip.ua;

import java.util.function.Consumer;

/**
 * {@link OptionsProber} over the stack: each probe is a non-INVITE client transaction to the
 * peer's address on {@code transport}, started through a {@link RequestSender}.
 */
public final class TransactionOptionsProber implements OptionsProber {

  private final RequestSender sender;
  private final OptionsProbeMessages messages;
  private final String transport;

  /** @param transport {@code UDP} or {@code TCP}, for every peer */
  public TransactionOptionsProber(RequestSender sender, OptionsProbeMessages messages,
      String transport) {
    this.sender = sender;
    this.messages = messages;
    this.transport = transport;
  }

  @Override
  public void probe(Peer peer, Consumer<ProbeResult> result) {
    sender.send(messages.toMessage(peer),
        new io.callflow.sip.transaction.Peer(transport, peer.address()),
        new FinalResponseListener(
            response -> result.accept(OptionsProbeMessages.toResult(response)),
            () -> result.accept(new ProbeResult.TimedOut()),
            detail -> result.accept(new ProbeResult.TransportError(detail))));
  }
}
