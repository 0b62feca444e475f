package io.callflow.core.effect;

import java.util.List;

/**
 * Receives the effects the engine produces on its own, from a timer (a reconnect attempt
 * falling due, a heartbeat lost, a probe timing out). Effects of an event are returned by
 * the call that handled it instead. Called outside any lock, once per timer, with the
 * effects in order; never with an empty list.
 */
@FunctionalInterface
public interface EffectSink {

  void accept(List<Effect> effects);
}
