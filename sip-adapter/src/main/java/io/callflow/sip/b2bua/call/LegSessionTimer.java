package io.callflow.sip.b2bua.call;

import io.callflow.sip.b2bua.SessionExpires;
import io.callflow.sip.b2bua.SessionTimer;

/**
 * One leg's RFC 4028 session timer with what was agreed: the interval and whether this side is
 * the refresher. Off until {@link #agree}; a leg whose peer did not take part has none (§7.2).
 */
final class LegSessionTimer {

  private final SessionTimer timer;
  private long interval;
  private boolean weRefresh;

  LegSessionTimer(SessionTimer timer) {
    this.timer = timer;
  }

  /** Starts or restarts the timer for {@code seconds}, refreshed by this side or the peer. */
  void agree(long seconds, boolean thisSideRefreshes) {
    interval = seconds;
    weRefresh = thisSideRefreshes;
    timer.restart(seconds, thisSideRefreshes);
  }

  /** A refresh went through (sent or received): the interval starts again. */
  void refreshed() {
    if (interval > 0) {
      timer.restart(interval, weRefresh);
    }
  }

  boolean running() {
    return interval > 0;
  }

  /** The header a refresh this side sends carries (§7.4: this side, the UAC, refreshes). */
  SessionExpires refreshHeader() {
    return new SessionExpires(interval, java.util.Optional.of(SessionExpires.Refresher.UAC));
  }

  /** The header of a 2xx to the peer's refresh (§9: it names the refresher). */
  SessionExpires answerHeader() {
    return new SessionExpires(interval, java.util.Optional.of(
        weRefresh ? SessionExpires.Refresher.UAS : SessionExpires.Refresher.UAC));
  }

  void stop() {
    interval = 0;
    timer.stop();
  }
}
