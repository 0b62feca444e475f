package io.callflow.ops.console;

import java.time.Duration;

/**
 * Limits and timers of the agent console, validated on construction.
 *
 * @param queueCapacity messages waiting for one slow tab before the oldest is dropped
 *     ({@code console.queueCapacity}); a tab that cannot keep up loses stale prompts, never
 *     the event loop
 * @param heartbeatInterval how often the page sends a heartbeat ({@code console.heartbeatInterval});
 *     keep it well under {@code procedure.consoleHeartbeatTimeout} so one lost beat is no alarm
 * @param idleTimeout a socket that sent nothing for this long is closed ({@code console.idleTimeout});
 *     the page reconnects on its own
 */
public record ConsoleSettings(int queueCapacity, Duration heartbeatInterval, Duration idleTimeout) {

  static final int MIN_QUEUE = 1;
  static final int MAX_QUEUE = 100_000;
  static final Duration MIN_HEARTBEAT = Duration.ofSeconds(1);
  static final Duration MAX_HEARTBEAT = Duration.ofMinutes(1);

  public ConsoleSettings {
    if (queueCapacity < MIN_QUEUE || queueCapacity > MAX_QUEUE) {
      throw new IllegalArgumentException("console.queueCapacity: must be between " + MIN_QUEUE + " and " + MAX_QUEUE
          + ", was " + queueCapacity);
    }
    if (heartbeatInterval.compareTo(MIN_HEARTBEAT) < 0 || heartbeatInterval.compareTo(MAX_HEARTBEAT) > 0) {
      throw new IllegalArgumentException("console.heartbeatInterval: must be between 1s and 1m, was " + heartbeatInterval);
    }
    if (idleTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0 || idleTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("console.idleTimeout: must be between twice console.heartbeatInterval ("
          + heartbeatInterval.multipliedBy(2) + ") and 10m, was " + idleTimeout);
    }
  }

  /** 256 queued messages per tab, a heartbeat every 5 s, idle sockets closed after 20 s. */
  public static ConsoleSettings defaults() {
    return new ConsoleSettings(256, Duration.ofSeconds(5), Duration.ofSeconds(20));
  }

  public ConsoleSettings withQueueCapacity(int capacity) {
    return new ConsoleSettings(capacity, heartbeatInterval, idleTimeout);
  }
}
