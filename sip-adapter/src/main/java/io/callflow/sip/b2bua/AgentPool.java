package io.callflow.sip.b2bua;

import io.callflow.core.time.Scheduler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered agents and their availability, for registrar mode: a call for a queue goes
 * to the available agent serving it who has been idle longest (since their last call ended,
 * or since they registered), the usual fair rule of call-centre distribution.
 *
 * <p>Thread-safe: calls on different event loops reserve agents concurrently, and
 * {@link #reserve} picks and marks an agent in one step so no agent is rung for two calls.
 * Pauses after failed attempts end by the clock of the injected {@link Scheduler}; no timer
 * task is needed. Every state change goes through one method, which checks it against
 * {@link AgentState}'s allowed transitions and logs it.
 */
public final class AgentPool {

  private static final Logger LOG = LoggerFactory.getLogger(AgentPool.class);

  private final Scheduler scheduler;
  private final AgentPoolSettings settings;
  /** Insertion order breaks ties between agents idle since the same millisecond. */
  private final Map<String, Entry> agents = new LinkedHashMap<>();

  private static final class Entry {
    private Agent agent;
    private AgentState state = AgentState.AVAILABLE;
    private long idleSinceMillis;
    private long pausedUntilMillis;

    private Entry(Agent agent, long now) {
      this.agent = agent;
      this.idleSinceMillis = now;
    }
  }

  public AgentPool(Scheduler scheduler, AgentPoolSettings settings) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Adds an agent as available, or updates a known agent's contact and queues keeping its state. */
  public synchronized void register(Agent agent) {
    Objects.requireNonNull(agent, "agent");
    Entry known = agents.get(agent.id());
    if (known != null) {
      known.agent = agent;
      return;
    }
    agents.put(agent.id(), new Entry(agent, scheduler.nowMillis()));
    LOG.info("agent {} registered for queues {}", agent.id(), agent.queues());
  }

  /** Removes an agent (registration expired or logged out); a call already with them is unaffected. */
  public synchronized void unregister(String agentId) {
    if (agents.remove(agentId) != null) {
      LOG.info("agent {} unregistered", agentId);
    }
  }

  /**
   * Picks the longest-idle agent serving {@code queue} who is available (or whose pause is
   * over) and is not in {@code excluded}, and marks them ringing.
   */
  public synchronized Optional<Agent> reserve(String queue, Set<String> excluded) {
    long now = scheduler.nowMillis();
    Entry best = null;
    for (Entry entry : agents.values()) {
      boolean free = entry.state == AgentState.AVAILABLE
          || (entry.state == AgentState.PAUSED && now >= entry.pausedUntilMillis);
      if (free && entry.agent.queues().contains(queue) && !excluded.contains(entry.agent.id())
          && (best == null || entry.idleSinceMillis < best.idleSinceMillis)) {
        best = entry;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    move(best, AgentState.RINGING, "reserved for queue " + queue);
    return Optional.of(best.agent);
  }

  /** The agent answered: in a call until {@link #released}. */
  public synchronized void answered(String agentId) {
    move(require(agentId), AgentState.IN_CALL, "answered");
  }

  /**
   * The agent's call ended, or ringing stopped because the caller went away. After a call
   * the agent's idle time starts now; after unanswered ringing it keeps its place.
   */
  public synchronized void released(String agentId) {
    Entry entry = agents.get(agentId);
    if (entry == null) {
      return; // unregistered while in the call
    }
    if (entry.state == AgentState.IN_CALL) {
      entry.idleSinceMillis = scheduler.nowMillis();
    }
    move(entry, AgentState.AVAILABLE, "released");
  }

  /** The agent's phone answered the INVITE with a final failure: pause them by the failure. */
  public synchronized void rejected(String agentId, int statusCode) {
    Entry entry = agents.get(agentId);
    if (entry == null) {
      return;
    }
    entry.pausedUntilMillis = scheduler.nowMillis() + settings.pauseFor(statusCode).toMillis();
    move(entry, AgentState.PAUSED, "rejected with " + statusCode);
  }

  /** Ends an agent's pause early, e.g. the agent pressed "ready" on the console. */
  public synchronized void makeAvailable(String agentId) {
    Entry entry = require(agentId);
    if (entry.state == AgentState.PAUSED) {
      move(entry, AgentState.AVAILABLE, "made available");
    }
  }

  /** The agent's current state; a pause that is over reads as available. */
  public synchronized Optional<AgentState> state(String agentId) {
    Entry entry = agents.get(agentId);
    if (entry == null) {
      return Optional.empty();
    }
    boolean pauseOver = entry.state == AgentState.PAUSED && scheduler.nowMillis() >= entry.pausedUntilMillis;
    return Optional.of(pauseOver ? AgentState.AVAILABLE : entry.state);
  }

  private Entry require(String agentId) {
    Entry entry = agents.get(agentId);
    if (entry == null) {
      throw new IllegalArgumentException("unknown agent " + agentId);
    }
    return entry;
  }

  private void move(Entry entry, AgentState to, String why) {
    AgentState from = entry.state;
    if (!from.next().contains(to)) {
      throw new IllegalStateException("agent " + entry.agent.id() + ": cannot go from " + from + " to " + to
          + " (" + why + ")");
    }
    entry.state = to;
    LOG.debug("agent {} {} -> {}: {}", entry.agent.id(), from, to, why);
  }
}
