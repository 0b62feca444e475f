package io.callflow.sip.timer;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The timers one transaction (or one UAS 2xx) has pending, by name. Starting a timer that
 * is already pending replaces it; a timer that fired is no longer pending. Not thread-safe:
 * used only on the owner's event loop.
 *
 * <p>A transaction has at most a few timers pending at once, and one (64*T1) while it lingers
 * in Completed or Accepted for 32 s, so the pending timers sit in a small array searched by
 * name, each timer one object that is itself the task handed to the scheduler. An
 * {@code EnumMap} with a slot per name, a separate entry and a capturing lambda per timer
 * cost about 230 bytes per transaction more, all of it kept for those 32 s.
 */
public final class NamedTimers {

  private static final Pending[] NONE = new Pending[0];

  private final Scheduler scheduler;
  /** The pending timers; null slots are free. */
  private Pending[] pending = NONE;

  public NamedTimers(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts {@code name} to run {@code action} after {@code delay}, replacing a pending one. */
  public void start(TimerName name, Duration delay, Runnable action) {
    cancel(name);
    Pending entry = new Pending(name, scheduler.nowMillis() + delay.toMillis(), delay, action);
    int slot = freeSlot();
    pending[slot] = entry;
    entry.task = scheduler.schedule(delay, entry);
  }

  /** Stops {@code name} if pending. */
  public void cancel(TimerName name) {
    int slot = slotOf(name);
    if (slot >= 0) {
      Pending entry = pending[slot];
      pending[slot] = null;
      entry.cancelTask();
    }
  }

  /** Stops every pending timer (the transaction terminated). */
  public void cancelAll() {
    for (int slot = 0; slot < pending.length; slot++) {
      Pending entry = pending[slot];
      if (entry != null) {
        pending[slot] = null;
        entry.cancelTask();
      }
    }
  }

  /** The names of the timers still pending. */
  public Set<TimerName> pending() {
    Set<TimerName> names = EnumSet.noneOf(TimerName.class);
    for (Pending entry : pending) {
      if (entry != null) {
        names.add(entry.name);
      }
    }
    return names;
  }

  /** True when {@code name} is pending. */
  public boolean isPending(TimerName name) {
    return slotOf(name) >= 0;
  }

  /** The time left until {@code name} fires, or null when it is not pending. */
  public Duration remaining(TimerName name) {
    int slot = slotOf(name);
    return slot < 0 ? null
        : Duration.ofMillis(Math.max(0, pending[slot].dueMillis - scheduler.nowMillis()));
  }

  /** The duration {@code name} was last started with, or null when it is not pending. */
  public Duration interval(TimerName name) {
    int slot = slotOf(name);
    return slot < 0 ? null : pending[slot].interval;
  }

  private int slotOf(TimerName name) {
    for (int slot = 0; slot < pending.length; slot++) {
      Pending entry = pending[slot];
      if (entry != null && entry.name == name) {
        return slot;
      }
    }
    return -1;
  }

  /** A free slot, growing the array (2, 4, ...) when every slot is taken. */
  private int freeSlot() {
    for (int slot = 0; slot < pending.length; slot++) {
      if (pending[slot] == null) {
        return slot;
      }
    }
    Pending[] more = new Pending[Math.max(2, pending.length * 2)];
    System.arraycopy(pending, 0, more, 0, pending.length);
    int slot = pending.length;
    pending = more;
    return slot;
  }

  /** One started timer; runs its action when it fires while still the pending one. */
  private final class Pending implements Runnable {
    private final TimerName name;
    private final long dueMillis;
    private final Duration interval;
    private final Runnable action;
    private ScheduledTask task;

    Pending(TimerName name, long dueMillis, Duration interval, Runnable action) {
      this.name = name;
      this.dueMillis = dueMillis;
      this.interval = interval;
      this.action = action;
    }

    @Override
    public void run() {
      int slot = slotOf(name);
      if (slot >= 0 && pending[slot] == this) {
        pending[slot] = null;
        action.run();
      }
    }

    void cancelTask() {
      if (task != null) {
        task.cancel();
      }
    }
  }
}
