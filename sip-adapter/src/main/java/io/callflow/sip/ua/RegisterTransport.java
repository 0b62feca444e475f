package io.callflow.sip.ua;

import java.util.function.Consumer;

/**
 * Sends a REGISTER in a new client transaction and reports how it ended. Implemented by the
 * stack; the outcome is reported exactly once, on any thread.
 */
@FunctionalInterface
public interface RegisterTransport {

  void send(RegisterRequest request, Consumer<RegisterOutcome> outcome);
}
