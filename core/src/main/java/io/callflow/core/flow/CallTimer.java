package io.callflow.core.flow;

import io.callflow.core.time.ScheduledTask;
import java.time.Duration;

/**
 * One named timer of one call (reconnect, heartbeat, recording pause, probe). Re-arming or
 * cancelling makes an earlier firing harmless even if it already left the scheduler and is
 * waiting for the call's lock: each firing checks that it is still the current one.
 */
final class CallTimer {

  private final CallContext context;
  private final CallMachine machine;
  private ScheduledTask task;
  private long generation;

  CallTimer(CallContext context, CallMachine machine) {
    this.context = context;
    this.machine = machine;
  }

  /** Runs {@code action} on the call after {@code delay}, replacing any earlier arming. */
  void arm(Duration delay, Runnable action) {
    cancel();
    long armed = generation;
    task = context.schedule(machine, delay, () -> {
      if (armed == generation) {
        task = null;
        action.run();
      }
    });
  }

  void cancel() {
    generation++;
    if (task != null) {
      task.cancel();
      task = null;
    }
  }
}
