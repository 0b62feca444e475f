package io.callflow.core.flow;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Watches one connected call's console (PROCEDURE.md 3.3 b): every agent event counts as a
 * sign of life; when none arrives for the configured timeout, {@code onLost} is told how
 * long it has been quiet. Keeps watching afterwards, so a console that stays dead is not
 * forgotten. One timer per call, re-armed only when it falls due, not per heartbeat.
 */
final class HeartbeatWatch {

  private final CallTimer timer;
  private final CallContext ctx;
  private final Duration timeout;
  private long lastSeen;
  private LongConsumer onLost;

  HeartbeatWatch(CallTimer timer, CallContext ctx) {
    this.timer = timer;
    this.ctx = ctx;
    this.timeout = ctx.settings.heartbeatTimeout();
  }

  /** Starts watching from now; does nothing when the watch is turned off (timeout 0). */
  void start(LongConsumer onLost) {
    this.onLost = onLost;
    seen();
    if (!timeout.isZero()) {
      timer.arm(timeout, this::check);
    }
  }

  void seen() {
    lastSeen = ctx.now().toEpochMilli();
  }

  void stop() {
    timer.cancel();
  }

  private void check() {
    long idle = ctx.now().toEpochMilli() - lastSeen;
    if (idle < timeout.toMillis()) {
      timer.arm(Duration.ofMillis(timeout.toMillis() - idle), this::check);
      return;
    }
    onLost.accept(idle);
    timer.arm(timeout, this::check);
  }
}
