package io.callflow.headset.health;

import io.callflow.headset.config.MonitorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health data of one agent's headset: one {@link Condition} per fault type, the
 * connection history for flap detection and the state. Every state change passes through
 * {@link #moveTo}, which checks it against {@link HealthState}'s allowed sets and logs it.
 * Not thread-safe: the monitor calls it under its lock.
 */
public final class DeviceHealth {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceHealth.class);

  private final String agentId;
  private final Map<FaultType, Condition> conditions = new EnumMap<>(FaultType.class);
  private final Deque<Instant> connectionChanges = new ArrayDeque<>();
  private final Duration flapWindow;
  private HealthState state = HealthState.DISCONNECTED;
  private Boolean connected;

  public DeviceHealth(String agentId, MonitorSettings settings) {
    this.agentId = agentId;
    this.flapWindow = settings.timing().flapWindow();
    for (FaultType type : FaultType.values()) {
      conditions.put(type, new Condition(settings.hysteresis().raiseAfter(), settings.hysteresis().clearAfter()));
    }
  }

  /** Records the connection flag of a sample; returns the changes within the flap window. */
  public int connection(boolean nowConnected, Instant at) {
    if (connected != null && connected != nowConnected) {
      connectionChanges.addLast(at);
    }
    connected = nowConnected;
    while (!connectionChanges.isEmpty() && connectionChanges.peekFirst().isBefore(at.minus(flapWindow))) {
      connectionChanges.removeFirst();
    }
    return connectionChanges.size();
  }

  /** Whether the last sample had the headset plugged in. */
  public boolean connected() {
    return Boolean.TRUE.equals(connected);
  }

  /** Feeds one observation to its condition and reports what changed. */
  public ConditionChange observe(Observation observation) {
    return conditions.get(observation.type()).observe(observation);
  }

  public Severity active(FaultType type) {
    return conditions.get(type).active();
  }

  public String evidence(FaultType type) {
    return conditions.get(type).evidence();
  }

  /** The state the data calls for: DISCONNECTED when unplugged or stale, else the worst active severity. */
  public HealthState assess(boolean stale) {
    if (stale || !connected()) {
      return HealthState.DISCONNECTED;
    }
    Severity worst = null;
    for (Condition condition : conditions.values()) {
      worst = Severity.worse(worst, condition.active());
    }
    return HealthState.of(worst);
  }

  public HealthState state() {
    return state;
  }

  /** Moves to {@code next}; returns the previous state, or null when nothing changed. */
  public HealthState moveTo(HealthState next) {
    if (next == state) {
      return null;
    }
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("headset of agent " + agentId + ": " + state + " -> " + next + " is not allowed");
    }
    HealthState previous = state;
    state = next;
    LOG.info("headset of agent {}: {} -> {}", agentId, previous, next);
    return previous;
  }
}
