package io.callflow.sip.b2bua;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One call's search for an agent: the longest-idle available agent first; when that agent's
 * phone answers 486, 408 or 480 (or anything else that fails), the agent is paused in the
 * pool and the next one is tried, up to {@link AgentHuntSettings#maxAgents()}, then the
 * fallback. Belongs to one call and is used on that call's executor; the pool it draws from
 * is shared and thread-safe.
 */
public final class AgentHunt {

  private final AgentPool pool;
  private final String queue;
  private final AgentHuntSettings settings;
  private final Set<String> tried = new HashSet<>();
  private Agent ringing;
  private boolean fallbackTried;

  AgentHunt(AgentPool pool, String queue, AgentHuntSettings settings) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** What to try next. Call after starting and after each {@link #failed}. */
  public HuntStep next() {
    if (ringing != null) {
      throw new IllegalStateException("queue " + queue + ": agent " + ringing.id() + " is still being rung");
    }
    if (tried.size() < settings.maxAgents()) {
      Optional<Agent> agent = pool.reserve(queue, tried);
      if (agent.isPresent()) {
        ringing = agent.get();
        tried.add(ringing.id());
        return new HuntStep.TryAgent(ringing);
      }
    }
    if (!fallbackTried && settings.fallbackUri().isPresent()) {
      fallbackTried = true;
      return new HuntStep.TryFallback(settings.fallbackUri().get());
    }
    return new HuntStep.GiveUp();
  }

  /** The agent being rung answered the INVITE with a final failure ({@code statusCode} 300..699). */
  public void failed(int statusCode) {
    if (ringing != null) {
      pool.rejected(ringing.id(), statusCode);
      ringing = null;
    }
  }

  /** The agent being rung answered: the hunt is over. */
  public void answered() {
    if (ringing != null) {
      pool.answered(ringing.id());
    }
  }

  /** The caller went away while an agent was being rung: the agent goes back unpaused. */
  public void abandoned() {
    if (ringing != null) {
      pool.released(ringing.id());
      ringing = null;
    }
  }
}
