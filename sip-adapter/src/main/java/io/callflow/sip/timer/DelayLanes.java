package io.callflow.sip.timer;

import io.callflow.core.time.ScheduledTask;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timers of one event loop kept in first-in-first-out lanes, one lane per delay. A SIP stack
 * starts a few timers per transaction and nearly all of them with one of a handful of delays
 * (64*T1 = 32 s for Timers B, F, H, J, L, M; T4; T1 and its doublings), so within a lane the
 * deadlines come in the order the timers were started: adding is an append, the next to fire is
 * always the head, and each lane needs one scheduled task of the loop, not one per timer. This
 * is how SIP proxies have kept their timers for a long time (fixed-delay timer lists).
 *
 * <p>Why not the loop's own scheduled-task queue for each timer: at a thousand calls a second
 * it holds some hundred thousand tasks in one priority heap; every insert writes somewhere in
 * that large, long-lived array, and the collector then has to scan those scattered writes at
 * every young collection. A lane only ever writes at its tail.
 *
 * <p>A cancelled timer lets go of its task at once and stays in its lane as a small entry until
 * its deadline passes. Lanes are used only from the loop's thread; {@link Entry#cancel} may be
 * called from any thread.
 */
final class DelayLanes {

  private static final Logger LOG = LoggerFactory.getLogger(DelayLanes.class);

  private final EventLoop loop;
  private final Map<Long, Lane> lanes = new HashMap<>();

  DelayLanes(EventLoop loop) {
    this.loop = loop;
  }

  /** Starts {@code task} after {@code delayMillis}; call on the loop's thread only. */
  ScheduledTask add(long delayMillis, Runnable task) {
    Lane lane = lanes.get(delayMillis);
    if (lane == null) {
      lane = new Lane(delayMillis);
      lanes.put(delayMillis, lane);
    }
    return lane.add(task);
  }

  /** Lanes currently held, for tests. */
  int laneCount() {
    return lanes.size();
  }

  private final class Lane {
    private final long delayMillis;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    /** Whether a loop task is scheduled to run this lane's due entries. */
    private boolean armed;

    Lane(long delayMillis) {
      this.delayMillis = delayMillis;
    }

    Entry add(Runnable task) {
      Entry entry = new Entry(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), task);
      entries.addLast(entry);
      // Only a new head needs the lane armed; otherwise the head's own wake-up comes first.
      if (entries.size() == 1 && !armed) {
        arm(TimeUnit.MILLISECONDS.toNanos(delayMillis));
      }
      return entry;
    }

    private void arm(long delayNanos) {
      armed = true;
      loop.schedule(this::runDue, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs every entry whose deadline passed, oldest first, then waits for the next head. The
     * lane is armed again even when a task throws an Error that ends this run: otherwise no
     * later timer of this delay on this loop would ever fire.
     */
    private void runDue() {
      armed = false;
      try {
        long now = System.nanoTime();
        Entry head;
        while ((head = entries.peekFirst()) != null && head.due - now <= 0) {
          entries.pollFirst();
          try {
            head.runIfPending();
          } catch (RuntimeException e) {
            // One failing timer must not stall the ones behind it in the lane.
            LOG.error("timer task failed; later timers run as planned", e);
          }
          now = System.nanoTime();
        }
      } finally {
        Entry head = entries.peekFirst();
        if (head == null) {
          lanes.remove(delayMillis, this);
        } else if (!armed) {
          arm(head.due - System.nanoTime());
        }
      }
    }
  }

  /** One timer in a lane. */
  static final class Entry implements ScheduledTask {
    private static final int PENDING = 0;
    private static final int RUN = 1;
    private static final int CANCELLED = 2;
    private static final AtomicIntegerFieldUpdater<Entry> STATE =
        AtomicIntegerFieldUpdater.newUpdater(Entry.class, "state");

    private final long due;
    private Runnable task;
    private volatile int state;

    Entry(long due, Runnable task) {
      this.due = due;
      this.task = task;
    }

    void runIfPending() {
      Runnable toRun = task;
      task = null;
      if (STATE.compareAndSet(this, PENDING, RUN)) {
        toRun.run();
      }
    }

    @Override
    public boolean cancel() {
      if (STATE.compareAndSet(this, PENDING, CANCELLED)) {
        task = null;
        return true;
      }
      return false;
    }

    @Override
    public boolean isDone() {
      return state != PENDING;
    }
  }
}
