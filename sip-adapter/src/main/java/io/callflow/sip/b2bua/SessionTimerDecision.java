package io.callflow.sip.b2bua;

import java.util.Objects;
import java.util.Optional;

/** What to answer an INVITE about its session timer (RFC 4028 §9). */
public sealed interface SessionTimerDecision {

  /**
   * Go ahead: the 2xx carries {@link #sessionExpires()} and the dialog runs a session timer.
   *
   * @param intervalSeconds the session interval
   * @param refresher who sends refreshes
   */
  record Accept(long intervalSeconds, SessionExpires.Refresher refresher) implements SessionTimerDecision {
    public Accept {
      Objects.requireNonNull(refresher, "refresher");
    }

    /** The Session-Expires header for the 2xx (RFC 4028 §9: it always names the refresher). */
    public SessionExpires sessionExpires() {
      return new SessionExpires(intervalSeconds, Optional.of(refresher));
    }
  }

  /** RFC 4028 §6: the interval is below our minimum; answer 422 with this Min-SE. */
  record TooSmall(MinSe minSe) implements SessionTimerDecision {
    /** RFC 4028 §6: 422 Session Interval Too Small. */
    public static final int STATUS_CODE = 422;

    public TooSmall {
      Objects.requireNonNull(minSe, "minSe");
    }
  }
}
