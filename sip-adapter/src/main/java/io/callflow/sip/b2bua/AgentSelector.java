package io.callflow.sip.b2bua;

import java.util.Objects;

/**
 * Registrar mode's routing: starts an {@link AgentHunt} for each incoming call to a queue
 * number, over the shared {@link AgentPool}. Thread-safe.
 */
public final class AgentSelector {

  private final AgentPool pool;
  private final AgentHuntSettings settings;

  public AgentSelector(AgentPool pool, AgentHuntSettings settings) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** A new hunt for a call to {@code queue} (the Request-URI user part of the A-leg INVITE). */
  public AgentHunt startHunt(String queue) {
    return new AgentHunt(pool, queue, settings);
  }
}
