package io.callflow.core.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on a JDK {@link ScheduledExecutorService}, for running the engine
 * without Netty (tools, the demo, other hosts). A task that throws is logged here, once,
 * and does not stop later tasks.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);

  private final ScheduledExecutorService executor;
  private final Clock clock;
  private final boolean owned;

  /** Runs tasks on {@code executor}, which the caller keeps and shuts down. */
  public ExecutorScheduler(ScheduledExecutorService executor, Clock clock) {
    this(executor, clock, false);
  }

  private ExecutorScheduler(ScheduledExecutorService executor, Clock clock, boolean owned) {
    this.executor = executor;
    this.clock = clock;
    this.owned = owned;
  }

  /** A scheduler with its own single daemon thread named {@code threadName}, on UTC. */
  public static ExecutorScheduler singleThread(String threadName) {
    return new ExecutorScheduler(singleThreadExecutor(threadName), Clock.systemUTC(), true);
  }

  /**
   * One daemon thread that drops a task from its queue as soon as it is cancelled. The JDK
   * default keeps a cancelled task queued until its delay elapses, and a cancelled call
   * timer must not keep its call (and everything the call holds) reachable until its
   * deadline: at a thousand calls a second that is most of the heap.
   */
  static ScheduledThreadPoolExecutor singleThreadExecutor(String threadName) {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, threadName);
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /** The executor measures its delays on {@link System#nanoTime()}. */
  @Override
  public long elapsedMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
  }

  @Override
  public ScheduledTask schedule(Duration delay, Runnable task) {
    long millis = Math.max(0, delay.toMillis());
    ScheduledFuture<?> future = executor.schedule(() -> runLogged(task), millis,
        TimeUnit.MILLISECONDS);
    return new FutureTask(future);
  }

  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("scheduled task {} failed", task, e);
    }
  }

  /** Stops the executor if this scheduler created it; tasks not yet run are dropped. */
  @Override
  public void close() {
    if (owned) {
      executor.shutdownNow();
    }
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
