package io.callflow.ops.console;

import io.callflow.core.model.CallId;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the open console tabs of every agent and pushes messages to them. An agent may have
 * several tabs; each gets every message for that agent, through its own bounded queue.
 * Which agent handles which call is learnt from {@link #assign}, and from heartbeats the
 * engine accepted (so a call recovered after a restart, whose agent the engine does not
 * know, finds its agent again once the page beats).
 *
 * <p>Thread-safe: pushes may come from any thread and never block. The heartbeat callback
 * runs on the tab's Netty event loop and must not block either.
 */
public final class AgentConsoleHub {

  private static final Logger log = LoggerFactory.getLogger(AgentConsoleHub.class);

  private final ConsoleSettings settings;
  private final ConsoleMeters meters;
  private final Consumer<CallId> heartbeats;
  private final Map<String, Set<ConsoleSession>> sessions = new ConcurrentHashMap<>();
  private final Map<CallId, String> callAgents = new ConcurrentHashMap<>();
  private final Map<CallId, CallScreen> screens = new ConcurrentHashMap<>();
  /** Standing notices about the service, not a call (a trunk line down), by banner kind. */
  private final Map<BannerKind, ConsoleMessage.Banner> serviceBanners = new ConcurrentHashMap<>();

  /**
   * @param heartbeats receives the call id of every heartbeat a page sends (feed it to the
   *     engine as {@code AgentEvent.Heartbeat}); throwing refuses the heartbeat
   */
  public AgentConsoleHub(ConsoleSettings settings, MeterRegistry registry, Consumer<CallId> heartbeats) {
    this.settings = settings;
    this.meters = new ConsoleMeters(registry);
    this.heartbeats = heartbeats;
  }

  /** One session handler per connection, for {@code RouteTable.Builder.webSocket}. */
  public Supplier<ChannelHandler> sessionHandlers() {
    return () -> new ConsoleSession(this, settings.queueCapacity());
  }

  /** Sends {@code message} to every open tab of {@code agentId}; returns how many tabs it was queued for. */
  public int sendToAgent(String agentId, ConsoleMessage message) {
    if (agentId == null) {
      return 0;
    }
    remember(agentId, message);
    Set<ConsoleSession> tabs = sessions.get(agentId);
    if (tabs == null || tabs.isEmpty()) {
      return 0;
    }
    String json = ConsoleJson.write(message);
    int reached = 0;
    for (ConsoleSession tab : tabs) {
      tab.offer(json);
      reached++;
    }
    return reached;
  }

  /**
   * Shows (or, when {@code banner.active()} is false, clears) a notice about the whole service
   * on every open tab, and on every tab opened while it stands: a line failure concerns every
   * logged-in agent, not one call (PROCEDURE.md 3.3 a). Returns the tabs reached.
   */
  public int broadcast(ConsoleMessage.Banner banner) {
    if (banner.active()) {
      serviceBanners.put(banner.kind(), banner);
    } else {
      serviceBanners.remove(banner.kind());
    }
    String json = ConsoleJson.write(banner);
    int reached = 0;
    for (Set<ConsoleSession> tabs : sessions.values()) {
      for (ConsoleSession tab : tabs) {
        tab.offer(json);
        reached++;
      }
    }
    return reached;
  }

  /** Sends {@code message} to the agent handling {@code callId}, if known; returns the tabs reached. */
  public int sendToCall(CallId callId, ConsoleMessage message) {
    return agentOf(callId).map(agent -> sendToAgent(agent, message)).orElse(0);
  }

  /** Records that {@code agentId} handles {@code callId}, for {@link #sendToCall}. */
  public void assign(CallId callId, String agentId) {
    callAgents.put(callId, AgentIds.require(agentId));
  }

  /** Forgets the agent and the screen of an ended call. */
  public void release(CallId callId) {
    callAgents.remove(callId);
    screens.remove(callId);
  }

  public Optional<String> agentOf(CallId callId) {
    return Optional.ofNullable(callAgents.get(callId));
  }

  /**
   * A call {@code agentId} handles now, if any: for events about the agent rather than a call
   * (a headset fault mid-call). A scan of the calls in progress, which are few.
   */
  public Optional<CallId> callOf(String agentId) {
    for (Map.Entry<CallId, String> entry : callAgents.entrySet()) {
      if (entry.getValue().equals(agentId)) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  /** Open tabs, all agents together. */
  public int sessionCount() {
    return sessions.values().stream().mapToInt(Set::size).sum();
  }

  /** Open tabs of one agent. */
  public int sessionCount(String agentId) {
    Set<ConsoleSession> tabs = sessions.get(agentId);
    return tabs == null ? 0 : tabs.size();
  }

  ConsoleSettings settings() {
    return settings;
  }

  ConsoleMeters meters() {
    return meters;
  }

  /** Keeps the latest screen of a call whose agent is {@code agentId}, for tabs that open later. */
  private void remember(String agentId, ConsoleMessage message) {
    CallId callId = CallScreen.callOf(message);
    if (callId != null && agentId.equals(callAgents.get(callId))) {
      screens.computeIfAbsent(callId, id -> new CallScreen()).remember(message);
    }
  }

  /** The standing service notices and the messages that rebuild the screens of the agent's calls on a new tab. */
  private void replayTo(ConsoleSession session) {
    serviceBanners.values().forEach(banner -> session.offer(ConsoleJson.write(banner)));
    for (Map.Entry<CallId, String> call : callAgents.entrySet()) {
      CallScreen screen = call.getValue().equals(session.agentId()) ? screens.get(call.getKey()) : null;
      if (screen != null) {
        screen.replay().forEach(message -> session.offer(ConsoleJson.write(message)));
      }
    }
  }

  void register(ConsoleSession session) {
    sessions.compute(session.agentId(), (agent, tabs) -> {
      Set<ConsoleSession> set = tabs == null ? ConcurrentHashMap.newKeySet() : tabs;
      if (set.add(session)) {
        meters.opened();
      }
      return set;
    });
    replayTo(session);
    log.debug("console opened for agent {} ({} tabs)", session.agentId(), sessionCount(session.agentId()));
  }

  void unregister(ConsoleSession session) {
    String agent = session.agentId();
    if (agent == null) {
      return;
    }
    sessions.computeIfPresent(agent, (key, tabs) -> {
      if (tabs.remove(session)) {
        meters.closed();
      }
      return tabs.isEmpty() ? null : tabs;
    });
  }

  /**
   * A page beat for {@code callId}. Once the engine accepts it, a call with no known agent
   * (recovered after a restart) is routed to this agent; a refusal goes back to the page.
   */
  void heartbeat(ConsoleSession session, CallId callId) {
    try {
      heartbeats.accept(callId);
    } catch (RuntimeException e) {
      log.debug("console heartbeat of agent {} for call {} refused: {}", session.agentId(), callId, e.getMessage());
      session.offer(ConsoleJson.write(new ConsoleMessage.Problem("heartbeat refused: " + e.getMessage())));
      return;
    }
    callAgents.putIfAbsent(callId, session.agentId());
  }
}
