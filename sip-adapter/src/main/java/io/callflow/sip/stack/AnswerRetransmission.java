package io.callflow.sip.stack;

import io.callflow.core.time.Scheduler;
import io.callflow.sip.timer.NamedTimers;
import io.callflow.sip.timer.TimerName;
import io.callflow.sip.timer.TimerSettings;
import java.time.Duration;
import java.util.Set;

/**
 * The UAS core's 2xx retransmission (RFC 3261 §13.3.1.4): the 2xx to an INVITE is sent again
 * after T1, then at intervals doubling up to T2, until its ACK arrives; after 64*T1 without
 * one the session is given up. Over reliable transports the hop does not lose messages, so
 * only the give-up timer runs.
 */
final class AnswerRetransmission {

  private final NamedTimers timers;
  private final TimerSettings settings;
  private final long cseq;

  /**
   * @param resend sends the 2xx again
   * @param giveUp runs once when 64*T1 pass without an ACK
   */
  AnswerRetransmission(Scheduler scheduler, TimerSettings settings, long cseq, boolean reliable,
      Runnable resend, Runnable giveUp) {
    this.timers = new NamedTimers(scheduler);
    this.settings = settings;
    this.cseq = cseq;
    if (!reliable) {
      schedule(settings.initial(TimerName.RETRANSMIT_2XX, false), resend);
    }
    timers.start(TimerName.ACK_WAIT, settings.initial(TimerName.ACK_WAIT, reliable), () -> {
      timers.cancelAll();
      giveUp.run();
    });
  }

  private void schedule(Duration interval, Runnable resend) {
    timers.start(TimerName.RETRANSMIT_2XX, interval, () -> {
      schedule(settings.nextInterval(TimerName.RETRANSMIT_2XX, interval), resend);
      resend.run();
    });
  }

  /** The CSeq of the INVITE whose 2xx this is; its ACK carries the same number. */
  long cseq() {
    return cseq;
  }

  /** The ACK arrived: stop. */
  void acknowledged() {
    timers.cancelAll();
  }

  Set<TimerName> pending() {
    return timers.pending();
  }

  Duration timeUntil(TimerName timer) {
    return timers.remaining(timer);
  }
}
