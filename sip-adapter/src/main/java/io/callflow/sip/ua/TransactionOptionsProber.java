package io.callflow.sip.ua;

import io.callflow.sip.transaction.TransactionLayer;
import java.util.function.Consumer;

/**
 * {@link OptionsProber} over the transaction layer: each probe is a non-INVITE client
 * transaction to the peer's address on {@code transport}. Call on the layer's event loop.
 */
public final class TransactionOptionsProber implements OptionsProber {

  private final TransactionLayer layer;
  private final OptionsProbeMessages messages;
  private final String transport;

  /** @param transport {@code UDP} or {@code TCP}, for every peer */
  public TransactionOptionsProber(TransactionLayer layer, OptionsProbeMessages messages,
      String transport) {
    this.layer = layer;
    this.messages = messages;
    this.transport = transport;
  }

  @Override
  public void probe(Peer peer, Consumer<ProbeResult> result) {
    layer.send(messages.toMessage(peer),
        new io.callflow.sip.transaction.Peer(transport, peer.address()),
        new FinalResponseListener(
            response -> result.accept(OptionsProbeMessages.toResult(response)),
            () -> result.accept(new ProbeResult.TimedOut()),
            detail -> result.accept(new ProbeResult.TransportError(detail))));
  }
}
