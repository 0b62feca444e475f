package io.callflow.ops.http;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this instance should get new work. {@code /readyz} answers 200 only while
 * {@link State#READY}; the SIP side answers OPTIONS with 503 while draining, so Kamailio's
 * dispatcher moves new calls to other instances.
 *
 * <pre>
 * STARTING ──ready()──▶ READY ──drain()──▶ DRAINING
 *     └──────────────drain()─────────────────▲
 * </pre>
 */
public final class Readiness {

  /** Life stage of the service. */
  public enum State { STARTING, READY, DRAINING }

  private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);

  public State state() {
    return state.get();
  }

  public boolean isReady() {
    return state.get() == State.READY;
  }

  /** Everything has started; a no-op once draining. */
  public void ready() {
    state.compareAndSet(State.STARTING, State.READY);
  }

  /** Stop taking new work; final. */
  public void drain() {
    state.set(State.DRAINING);
  }
}
