package io.callflow.sip.b2bua;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import java.util.Objects;

/**
 * One dialog's session timer (RFC 4028 §10) on the service's {@link Scheduler}: when this side
 * refreshes, {@code onRefreshDue} runs at half the interval; otherwise {@code onExpired} runs
 * when no refresh arrived in time. Each refresh sent or received re-arms it with
 * {@link #restart}. Confined to the call's executor, like the rest of the call's state.
 */
public final class SessionTimer {

  private final Scheduler scheduler;
  private final Runnable onRefreshDue;
  private final Runnable onExpired;
  private ScheduledTask pending;

  public SessionTimer(Scheduler scheduler, Runnable onRefreshDue, Runnable onExpired) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.onRefreshDue = Objects.requireNonNull(onRefreshDue, "onRefreshDue");
    this.onExpired = Objects.requireNonNull(onExpired, "onExpired");
  }

  /** (Re)arms the timer for a negotiated interval; {@code weRefresh} says whether this side is the refresher. */
  public void restart(long intervalSeconds, boolean weRefresh) {
    stop();
    pending = weRefresh
        ? scheduler.schedule(SessionTimerPolicy.refreshDelay(intervalSeconds), onRefreshDue)
        : scheduler.schedule(SessionTimerPolicy.expiryDelay(intervalSeconds), onExpired);
  }

  /** Disarms the timer, e.g. when the dialog ends. */
  public void stop() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }
}
