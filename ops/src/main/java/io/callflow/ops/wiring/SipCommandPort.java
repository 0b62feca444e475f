package io.callflow.ops.wiring;

import io.callflow.core.effect.SipCommand;

/**
 * Where the engine's SIP commands go: the SIP adapter implements it once it is wired.
 * Called from the thread that handled the event or fired the timer; an implementation
 * queues the command onto its own event loop and must not block.
 */
@FunctionalInterface
public interface SipCommandPort {

  void send(SipCommand command);
}
