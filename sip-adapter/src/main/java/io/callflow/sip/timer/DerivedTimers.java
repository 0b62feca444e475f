package io.callflow.sip.timer;

import java.time.Duration;

/**
 * The durations {@link TimerSettings} derives from T1, computed once per settings value:
 * 64*T1 (§17.1.1.2), Timer D over unreliable transports and T1's doublings, which the
 * retransmission timers A, E, G and the 2xx (§13.3.1.4) step through.
 */
final class DerivedTimers {

  /** T1 doubled up to 128*T1: Timer A's intervals before Timer B (64*T1) ends it, and one more. */
  private static final int DOUBLINGS = 8;

  private final Duration sixtyFourT1;
  private final Duration timerDUnreliable;
  private final Duration[] doublings = new Duration[DOUBLINGS];

  DerivedTimers(TimerSettings settings) {
    Duration interval = settings.t1();
    for (int i = 0; i < DOUBLINGS; i++) {
      doublings[i] = interval;
      interval = interval.multipliedBy(2);
    }
    sixtyFourT1 = settings.t1().multipliedBy(64);
    timerDUnreliable = TimerSettings.TIMER_D_UNRELIABLE.compareTo(sixtyFourT1) >= 0
        ? TimerSettings.TIMER_D_UNRELIABLE : sixtyFourT1;
  }

  Duration sixtyFourT1() {
    return sixtyFourT1;
  }

  /** §17.1.1.2: at least 32 s, and never shorter than 64*T1. */
  Duration timerDUnreliable() {
    return timerDUnreliable;
  }

  /** Twice {@code previous}; the same instance each time when it is one of T1's doublings. */
  Duration doubled(Duration previous) {
    for (int i = 0; i < DOUBLINGS - 1; i++) {
      if (doublings[i].equals(previous)) {
        return doublings[i + 1];
      }
    }
    return previous.multipliedBy(2);
  }
}
