package io.callflow.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A scheduler whose time moves only when told to. Tests and simulations advance it and the
 * tasks that fall due run, in due-time order (ties in the order they were scheduled), on the
 * caller's thread. Tasks scheduled by a running task run in the same advance when they fall
 * due within it. Not thread-safe: drive it from one thread.
 */
public final class ManualScheduler implements Scheduler {

  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private long nowMillis;
  private long sequence;
  private final ManualClock clock = new ManualClock();

  public ManualScheduler(Instant start) {
    this.nowMillis = start.toEpochMilli();
  }

  public ManualScheduler() {
    this(Instant.parse("2026-01-05T09:00:00Z"));
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public ScheduledTask schedule(Duration delay, Runnable task) {
    long due = nowMillis + Math.max(0, delay.toMillis());
    Entry entry = new Entry(due, sequence++, task);
    queue.add(entry);
    return entry;
  }

  /** Moves time forward by {@code step}, running every task that falls due on the way. */
  public void advance(Duration step) {
    long target = nowMillis + step.toMillis();
    while (!queue.isEmpty() && queue.peek().due <= target) {
      Entry next = queue.poll();
      if (next.done) {
        continue;
      }
      nowMillis = Math.max(nowMillis, next.due);
      next.done = true;
      next.task.run();
    }
    nowMillis = target;
  }

  /** Runs the tasks that are due now without moving time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** The delays, from now, of the tasks still waiting; for assertions in tests. */
  public List<Duration> pendingDelays() {
    List<Duration> delays = new ArrayList<>();
    queue.stream()
        .filter(entry -> !entry.done)
        .sorted()
        .forEach(entry -> delays.add(Duration.ofMillis(entry.due - nowMillis)));
    return delays;
  }

  /** How many tasks are waiting to run. */
  public int pendingCount() {
    return (int) queue.stream().filter(entry -> !entry.done).count();
  }

  private static final class Entry implements ScheduledTask, Comparable<Entry> {
    private final long due;
    private final long order;
    private final Runnable task;
    private boolean done;

    Entry(long due, long order, Runnable task) {
      this.due = due;
      this.order = order;
      this.task = task;
    }

    @Override
    public boolean cancel() {
      if (done) {
        return false;
      }
      done = true;
      return true;
    }

    @Override
    public boolean isDone() {
      return done;
    }

    @Override
    public int compareTo(Entry other) {
      int byDue = Long.compare(due, other.due);
      return byDue != 0 ? byDue : Long.compare(order, other.order);
    }
  }

  private final class ManualClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(nowMillis);
    }

    @Override
    public long millis() {
      return nowMillis;
    }
  }
}
