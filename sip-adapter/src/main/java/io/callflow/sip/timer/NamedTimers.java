package io.callflow.sip.timer;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The timers one transaction (or one UAS 2xx) has pending, by name. Starting a timer that
 * is already pending replaces it; a timer that fired is no longer pending. Not thread-safe:
 * used only on the owner's event loop.
 *
 * <p>A transaction has at most a few timers pending at once (two nearly always: a
 * retransmission timer and its timeout), so the pending timers sit in two fields and, only for
 * a third and more, a small array, searched by name; each timer is one object that is itself
 * the task handed to the scheduler. (The last timer of a transaction that lingers after its
 * final response is not kept here but in its layer's linger queue, without an object of its
 * own.)
 */
public final class NamedTimers {

  private static final Pending[] NONE = new Pending[0];
  /** Slots held in fields before {@link #more} is needed. */
  private static final int FIELD_SLOTS = 2;

  private final Scheduler scheduler;
  /** The pending timers in slots 0 and 1, then in {@link #more}; null slots are free. */
  private Pending first;
  private Pending second;
  private Pending[] more = NONE;

  public NamedTimers(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Starts {@code name} to run {@code action} after {@code delay}, replacing a pending one. */
  public void start(TimerName name, Duration delay, Runnable action) {
    cancel(name);
    Pending entry = new Pending(name, scheduler.nowMillis() + delay.toMillis(), delay, action);
    put(freeSlot(), entry);
    entry.task = scheduler.schedule(delay, entry);
  }

  /** Stops {@code name} if pending. */
  public void cancel(TimerName name) {
    int slot = slotOf(name);
    if (slot >= 0) {
      Pending entry = at(slot);
      put(slot, null);
      entry.cancelTask();
    }
  }

  /** Stops every pending timer (the transaction terminated). */
  public void cancelAll() {
    for (int slot = 0; slot < slots(); slot++) {
      Pending entry = at(slot);
      if (entry != null) {
        put(slot, null);
        entry.cancelTask();
      }
    }
  }

  /** The names of the timers still pending. */
  public Set<TimerName> pending() {
    Set<TimerName> names = EnumSet.noneOf(TimerName.class);
    for (int slot = 0; slot < slots(); slot++) {
      Pending entry = at(slot);
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
        : Duration.ofMillis(Math.max(0, at(slot).dueMillis - scheduler.nowMillis()));
  }

  /** The duration {@code name} was last started with, or null when it is not pending. */
  public Duration interval(TimerName name) {
    int slot = slotOf(name);
    return slot < 0 ? null : at(slot).interval;
  }

  private int slotOf(TimerName name) {
    for (int slot = 0; slot < slots(); slot++) {
      Pending entry = at(slot);
      if (entry != null && entry.name == name) {
        return slot;
      }
    }
    return -1;
  }

  /** A free slot, growing {@link #more} (2, 4, ...) when every slot is taken. */
  private int freeSlot() {
    for (int slot = 0; slot < slots(); slot++) {
      if (at(slot) == null) {
        return slot;
      }
    }
    int slot = slots();
    more = Arrays.copyOf(more, Math.max(2, more.length * 2));
    return slot;
  }

  private int slots() {
    return FIELD_SLOTS + more.length;
  }

  private Pending at(int slot) {
    return switch (slot) {
      case 0 -> first;
      case 1 -> second;
      default -> more[slot - FIELD_SLOTS];
    };
  }

  private void put(int slot, Pending entry) {
    switch (slot) {
      case 0 -> first = entry;
      case 1 -> second = entry;
      default -> more[slot - FIELD_SLOTS] = entry;
    }
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
      if (slot >= 0 && at(slot) == this) {
        put(slot, null);
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
