package io.callflow.sip.timer;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The timers one transaction (or one UAS 2xx) has pending, by name. Starting a timer that
 * is already pending replaces it; a timer that fired is no longer pending. Not thread-safe:
 * used only on the owner's event loop.
 */
public final class NamedTimers {

  private final Scheduler scheduler;
  private final Map<TimerName, Pending> pending = new EnumMap<>(TimerName.class);

  public NamedTimers(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts {@code name} to run {@code action} after {@code delay}, replacing a pending one. */
  public void start(TimerName name, Duration delay, Runnable action) {
    cancel(name);
    Pending entry = new Pending(scheduler.nowMillis() + delay.toMillis(), delay);
    entry.task = scheduler.schedule(delay, () -> {
      if (pending.get(name) == entry) {
        pending.remove(name);
        action.run();
      }
    });
    pending.put(name, entry);
  }

  /** Stops {@code name} if pending. */
  public void cancel(TimerName name) {
    Pending entry = pending.remove(name);
    if (entry != null && entry.task != null) {
      entry.task.cancel();
    }
  }

  /** Stops every pending timer (the transaction terminated). */
  public void cancelAll() {
    for (Pending entry : pending.values()) {
      entry.task.cancel();
    }
    pending.clear();
  }

  /** The names of the timers still pending. */
  public Set<TimerName> pending() {
    return pending.isEmpty() ? EnumSet.noneOf(TimerName.class) : EnumSet.copyOf(pending.keySet());
  }

  /** True when {@code name} is pending. */
  public boolean isPending(TimerName name) {
    return pending.containsKey(name);
  }

  /** The time left until {@code name} fires, or null when it is not pending. */
  public Duration remaining(TimerName name) {
    Pending entry = pending.get(name);
    return entry == null ? null : Duration.ofMillis(Math.max(0, entry.dueMillis - scheduler.nowMillis()));
  }

  /** The duration {@code name} was last started with, or null when it is not pending. */
  public Duration interval(TimerName name) {
    Pending entry = pending.get(name);
    return entry == null ? null : entry.interval;
  }

  private static final class Pending {
    private final long dueMillis;
    private final Duration interval;
    private ScheduledTask task;

    Pending(long dueMillis, Duration interval) {
      this.dueMillis = dueMillis;
      this.interval = interval;
    }
  }
}
