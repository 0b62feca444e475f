package io.callflow.core.time;

/** A task handed to a {@link Scheduler}; cancelling a task that already ran is harmless. */
public interface ScheduledTask {

  /** Stops the task from running; returns false when it already ran or was cancelled. */
  boolean cancel();

  /** True once the task ran or was cancelled. */
  boolean isDone();
}
