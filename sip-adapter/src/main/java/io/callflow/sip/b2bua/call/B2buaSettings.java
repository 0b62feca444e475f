package io.callflow.sip.b2bua.call;

import io.callflow.sip.b2bua.AgentHuntSettings;
import io.callflow.sip.b2bua.DropSettings;
import io.callflow.sip.b2bua.MaxForwardsPolicy;
import io.callflow.sip.b2bua.SessionTimerSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The B2BUA's settings (config {@code b2bua.*}). The building blocks' own records are reused:
 * {@code b2bua.max-forwards}, {@code b2bua.session-timer.*}, {@code b2bua.drops.*} and
 * {@code b2bua.agents.max-attempts}/{@code fallback-uri} (see docs/b2bua.md).
 *
 * @param routing {@code b2bua.routing}: TRANSPARENT (default) or REGISTRAR
 * @param nextHop {@code b2bua.next-hop}: the {@code sip:host:port} the agent leg goes to in
 *     TRANSPARENT mode; required there, ignored in REGISTRAR mode
 * @param transport {@code b2bua.transport}: UDP (default) or TCP for the agent leg
 * @param trunk {@code b2bua.trunk}: the name of the PBX's line ({@code sip.peers[].name}), the
 *     {@code line} of the calls core hears about; empty: the PBX's {@code host:port}
 * @param agentRingTimeout {@code b2bua.agent-ring-timeout}: how long one agent's phone may ring
 *     before the next agent or the fallback is tried (replaces Timer C, RFC 3261 §16.6 step 11);
 *     default 30s, 1s..10min
 * @param dropHoldTimeout {@code b2bua.drop-hold-timeout}: after a drop, how long the surviving
 *     leg is kept for core's reconnect commands before it is hung up; default 120s, 1s..1h
 * @param maxForwards {@code b2bua.max-forwards}
 * @param sessionTimer {@code b2bua.session-timer.*}
 * @param drops {@code b2bua.drops.*}
 * @param hunt {@code b2bua.agents.max-attempts} and {@code b2bua.agents.fallback-uri}
 */
public record B2buaSettings(RoutingMode routing, Optional<String> nextHop, String transport,
    Optional<String> trunk, Duration agentRingTimeout, Duration dropHoldTimeout, MaxForwardsPolicy maxForwards,
    SessionTimerSettings sessionTimer, DropSettings drops, AgentHuntSettings hunt) {

  public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration MAX_RING_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_DROP_HOLD = Duration.ofSeconds(120);
  public static final Duration MAX_DROP_HOLD = Duration.ofHours(1);

  public B2buaSettings {
    if (routing == null) {
      throw new IllegalArgumentException("b2bua.routing: missing; use transparent or registrar");
    }
    nextHop = Objects.requireNonNullElse(nextHop, Optional.empty());
    if (routing == RoutingMode.TRANSPARENT && nextHop.isEmpty()) {
      throw new IllegalArgumentException("b2bua.next-hop: required when b2bua.routing is transparent;"
          + " give the PBX as sip:host:port");
    }
    nextHop.ifPresent(B2buaSettings::checkNextHop);
    trunk = Objects.requireNonNullElse(trunk, Optional.<String>empty()).filter(name -> !name.isBlank());
    if (!"UDP".equals(transport) && !"TCP".equals(transport)) {
      throw new IllegalArgumentException("b2bua.transport: '" + transport + "' is not supported; use UDP or TCP");
    }
    checkRange("b2bua.agent-ring-timeout", agentRingTimeout, MAX_RING_TIMEOUT);
    checkRange("b2bua.drop-hold-timeout", dropHoldTimeout, MAX_DROP_HOLD);
    if (maxForwards == null) {
      throw new IllegalArgumentException("b2bua.max-forwards: missing; default " + MaxForwardsPolicy.DEFAULT_INITIAL);
    }
    if (sessionTimer == null) {
      throw new IllegalArgumentException("b2bua.session-timer: missing; use the defaults 1800/90");
    }
    if (drops == null) {
      throw new IllegalArgumentException("b2bua.drops: missing; use the defaults");
    }
    if (hunt == null) {
      throw new IllegalArgumentException("b2bua.agents: missing; use the defaults");
    }
  }

  /** Transparent routing to {@code nextHop}, every other setting at its default. */
  public static B2buaSettings transparent(String nextHop) {
    return new B2buaSettings(RoutingMode.TRANSPARENT, Optional.of(nextHop), "UDP", Optional.empty(), DEFAULT_RING_TIMEOUT,
        DEFAULT_DROP_HOLD, MaxForwardsPolicy.defaults(), SessionTimerSettings.defaults(),
        DropSettings.defaults(), AgentHuntSettings.defaults());
  }

  /** Registrar routing, every other setting at its default. */
  public static B2buaSettings registrar() {
    return new B2buaSettings(RoutingMode.REGISTRAR, Optional.empty(), "UDP", Optional.empty(), DEFAULT_RING_TIMEOUT,
        DEFAULT_DROP_HOLD, MaxForwardsPolicy.defaults(), SessionTimerSettings.defaults(),
        DropSettings.defaults(), AgentHuntSettings.defaults());
  }

  public B2buaSettings withTrunk(String name) {
    return new B2buaSettings(routing, nextHop, transport, Optional.ofNullable(name), agentRingTimeout,
        dropHoldTimeout, maxForwards, sessionTimer, drops, hunt);
  }

  public B2buaSettings withAgentRingTimeout(Duration timeout) {
    return new B2buaSettings(routing, nextHop, transport, trunk, timeout, dropHoldTimeout, maxForwards,
        sessionTimer, drops, hunt);
  }

  public B2buaSettings withSessionTimer(SessionTimerSettings timer) {
    return new B2buaSettings(routing, nextHop, transport, trunk, agentRingTimeout, dropHoldTimeout, maxForwards,
        timer, drops, hunt);
  }

  public B2buaSettings withHunt(AgentHuntSettings agents) {
    return new B2buaSettings(routing, nextHop, transport, trunk, agentRingTimeout, dropHoldTimeout, maxForwards,
        sessionTimer, drops, agents);
  }

  private static void checkNextHop(String uri) {
    if (!(uri.startsWith("sip:") || uri.startsWith("sips:")) || uri.indexOf(':') == uri.length() - 1) {
      throw new IllegalArgumentException("b2bua.next-hop: '" + uri + "' is not a SIP URI; write sip:host:port");
    }
  }

  private static void checkRange(String key, Duration value, Duration max) {
    if (value == null) {
      throw new IllegalArgumentException(key + ": missing; give a duration such as 30s");
    }
    if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(key + ": " + value.toSeconds() + "s is out of range; use 1s.." + max.toSeconds() + "s");
    }
  }
}
