package io.callflow.sip.ua;

import java.util.function.Consumer;

/**
 * Sends one out-of-dialog OPTIONS to a peer in a new client transaction and reports how it
 * ended. Implemented by the stack; the result is reported at most once, on any thread. A
 * result after the monitor's own timeout is ignored.
 */
@FunctionalInterface
public interface OptionsProber {

  void probe(Peer peer, Consumer<ProbeResult> result);
}
