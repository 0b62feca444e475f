package io.callflow.sip.timer;

import io.callflow.core.time.ScheduledTask;
import io.netty.channel.EventLoop;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timers of one event loop kept in first-in-first-out lanes, one lane per delay. A SIP stack
 * starts a few timers per transaction and nearly all of them with one of a handful of delays
 * (64*T1 = 32 s for Timers B, F, H; T1 and its doublings; a transaction's last timer, J, L,
 * M, D, K or I, waits in its layer's linger queue instead), so within a lane the
 * deadlines come in the order the timers were started: adding is an append, the next to fire is
 * always the head, and each lane needs one scheduled task of the loop, not one per timer. This
 * is how SIP proxies have kept their timers for a long time (fixed-delay timer lists).
 *
 * <p>Why not the loop's own scheduled-task queue for each timer: at a thousand calls a second
 * it holds some hundred thousand tasks in one priority heap; every insert writes somewhere in
 * that large, long-lived array, and the collector then has to scan those scattered writes at
 * every young collection. A lane writes at its tail, and next to a cancelled entry it lets go
 * of: entries started moments before, not slots across a long-lived array.
 *
 * <p>A lane is a doubly linked list of its entries, so a timer cancelled on the loop's thread
 * (nearly all are: Timers B and F when the final response arrives, A, E and G with it) leaves
 * its lane at once. Left in the lane until its deadline, every call's cancelled 64*T1 timers
 * outlived the call by 32 s and were copied into the old generation by the collector, about
 * three objects per call at a thousand calls a second. Lanes are used only from the loop's
 * thread; {@link Entry#cancel} may be called from any thread, and an entry cancelled elsewhere
 * lets go of its task at once and stays in its lane until its deadline passes.
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

  /** Entries in all lanes, pending or cancelled elsewhere, for tests; on the loop's thread. */
  int entryCount() {
    int count = 0;
    for (Lane lane : lanes.values()) {
      for (Entry entry = lane.head; entry != null; entry = entry.next) {
        count++;
      }
    }
    return count;
  }

  private final class Lane {
    private final long delayMillis;
    /** Oldest first; the head is the next to fire. */
    private Entry head;
    private Entry tail;
    /** Whether a loop task is scheduled to run this lane's due entries. */
    private boolean armed;

    Lane(long delayMillis) {
      this.delayMillis = delayMillis;
    }

    Entry add(Runnable task) {
      Entry entry = new Entry(this, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), task);
      if (tail == null) {
        head = entry;
        // Only a new head needs the lane armed; otherwise the head's own wake-up comes first.
        if (!armed) {
          arm(TimeUnit.MILLISECONDS.toNanos(delayMillis));
        }
      } else {
        tail.next = entry;
        entry.previous = tail;
      }
      tail = entry;
      return entry;
    }

    /** Takes {@code entry} out of the lane; on the loop's thread, for an entry still in it. */
    void unlink(Entry entry) {
      if (entry.previous == null) {
        head = entry.next;
      } else {
        entry.previous.next = entry.next;
      }
      if (entry.next == null) {
        tail = entry.previous;
      } else {
        entry.next.previous = entry.previous;
      }
      entry.previous = null;
      entry.next = null;
      entry.lane = null;
    }

    boolean onLoopThread() {
      return loop.inEventLoop();
    }

    private void arm(long delayNanos) {
      armed = true;
      loop.schedule(this::runDue, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /**
     * Runs every entry whose deadline passed, oldest first, then waits for the next head. The
     * lane is armed again even when a task throws an Error that ends this run: otherwise no
     * later timer of this delay on this loop would ever fire. An emptied lane stays in the map
     * until this run: a lane armed for a head cancelled since finds nothing due and goes then.
     */
    private void runDue() {
      armed = false;
      try {
        long now = System.nanoTime();
        Entry due;
        while ((due = head) != null && due.due - now <= 0) {
          unlink(due);
          try {
            due.runIfPending();
          } catch (RuntimeException e) {
            // One failing timer must not stall the ones behind it in the lane.
            LOG.error("timer task failed; later timers run as planned", e);
          }
          now = System.nanoTime();
        }
      } finally {
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
    /** The lane while this entry is in it; the links are used on the loop's thread only. */
    private Lane lane;
    private Entry previous;
    private Entry next;

    Entry(Lane lane, long due, Runnable task) {
      this.lane = lane;
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
        Lane in = lane;
        if (in != null && in.onLoopThread()) {
          in.unlink(this);
        }
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
