package io.callflow.sip.timer;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link Scheduler}: tasks run on one Netty event loop, so a transaction or
 * dialog bound to that loop sees its timers on the same thread as its messages and needs no
 * lock. Netty's scheduled-task queue has nanosecond deadlines, so T1 (500 ms) and the
 * 200 ms Trying delay are honoured to the millisecond, unlike a one-second wheel.
 */
public final class EventLoopScheduler implements Scheduler {

  private final EventLoop loop;
  private final Clock clock;
  private final DelayLanes lanes;

  public EventLoopScheduler(EventLoop loop, Clock clock) {
    this.loop = Objects.requireNonNull(loop, "loop");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lanes = new DelayLanes(loop);
  }

  public EventLoopScheduler(EventLoop loop) {
    this(loop, Clock.systemUTC());
  }

  /** The loop the tasks run on. */
  public EventLoop loop() {
    return loop;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /** The loop measures its delays on {@link System#nanoTime()}, so deadlines are kept on it too. */
  @Override
  public long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
  }

  /**
   * Longest delay kept in a lane. A cancelled lane entry waits for its deadline, which costs
   * nothing for the transaction timers (64*T1 at most) but would keep a cancelled session
   * refresh (minutes) or registration expiry (an hour) per call; the loop's own scheduler
   * drops a task cancelled on the loop at once.
   */
  static final long LANE_LIMIT_MILLIS = 64_000;

  /**
   * On the loop's own thread (every transaction and call timer) a task of up to
   * {@link #LANE_LIMIT_MILLIS} goes into the lane of its delay ({@link DelayLanes}); a longer
   * one, or one from any other thread, is handed to the loop's scheduler.
   */
  @Override
  public ScheduledTask schedule(Duration delay, Runnable task) {
    long millis = Math.max(0, delay.toMillis());
    if (millis <= LANE_LIMIT_MILLIS && loop.inEventLoop()) {
      return lanes.add(millis, task);
    }
    ScheduledFuture<?> future = loop.schedule(task, millis, TimeUnit.MILLISECONDS);
    return new FutureTask(future);
  }

  /** Lanes currently held, for tests; call on the loop's thread. */
  int laneCount() {
    return lanes.laneCount();
  }

  private record FutureTask(ScheduledFuture<?> future) implements ScheduledTask {
    @Override
    public boolean cancel() {
      return future.cancel(false);
    }

    @Override
    public boolean isDone() {
      return future.isDone();
    }
  }
}
