package io.callflow.sip.timer;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base timer values of RFC 3261 and every timer derived from them. Only T1, T2, T4 and
 * the 100 Trying delay are configured; the rest follow the tables of §17 and Table 4 (§A).
 *
 * @param t1 §17.1.1.1: RTT estimate, default 500 ms (config key {@code sip.timers.t1})
 * @param t2 §17.1.2.2: maximum retransmit interval for non-INVITE requests and INVITE
 *     responses, default 4 s ({@code sip.timers.t2})
 * @param t4 §17.1.2.2: maximum time a message stays in the network, default 5 s
 *     ({@code sip.timers.t4})
 * @param trying §17.2.1: delay after which an unanswered INVITE gets 100 Trying, default
 *     200 ms ({@code sip.timers.trying})
 */
public record TimerSettings(Duration t1, Duration t2, Duration t4, Duration trying) {

  /** §17.1.1.1 default T1. */
  public static final Duration DEFAULT_T1 = Duration.ofMillis(500);
  /** §17.1.2.2 default T2. */
  public static final Duration DEFAULT_T2 = Duration.ofSeconds(4);
  /** §17.1.2.2 default T4. */
  public static final Duration DEFAULT_T4 = Duration.ofSeconds(5);
  /** §17.2.1: "if the TU will not generate a provisional response within 200 ms". */
  public static final Duration DEFAULT_TRYING = Duration.ofMillis(200);
  /** §17.1.1.2: Timer D is at least 32 s over unreliable transports. */
  public static final Duration TIMER_D_UNRELIABLE = Duration.ofSeconds(32);

  /**
   * The durations derived from each settings value in use, computed once: deriving one anew
   * ({@link Duration#multipliedBy} goes through BigDecimal) cost some 300 bytes per timer
   * started. A service uses one or two settings values; the bound only stops a caller that
   * makes new ones in a loop from growing this without end.
   */
  private static final Map<TimerSettings, DerivedTimers> DERIVED = new ConcurrentHashMap<>();
  private static final int DERIVED_LIMIT = 64;

  /** The RFC defaults. */
  public static final TimerSettings DEFAULTS =
      new TimerSettings(DEFAULT_T1, DEFAULT_T2, DEFAULT_T4, DEFAULT_TRYING);

  public TimerSettings {
    Objects.requireNonNull(t1, "sip.timers.t1");
    Objects.requireNonNull(t2, "sip.timers.t2");
    Objects.requireNonNull(t4, "sip.timers.t4");
    Objects.requireNonNull(trying, "sip.timers.trying");
    requirePositive("sip.timers.t1", t1);
    requirePositive("sip.timers.t2", t2);
    requirePositive("sip.timers.t4", t4);
    requirePositive("sip.timers.trying", trying);
    if (t2.compareTo(t1) < 0) {
      throw new IllegalArgumentException("sip.timers.t2 (" + t2.toMillis()
          + " ms) is shorter than sip.timers.t1 (" + t1.toMillis() + " ms): set t2 >= t1");
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
    }
  }

  /** 64*T1: Timers B, F, H, J (UDP), L, M and the UAS 2xx give-up (§13.3.1.4). */
  public Duration sixtyFourT1() {
    return derived().sixtyFourT1();
  }

  /**
   * The duration of {@code timer} when it first starts, for a transport that is reliable or
   * not; zero means the timer fires at once (the transaction leaves the state immediately).
   * Retransmission timers (A, E, G, 2xx) double from this value; see {@link #nextInterval}.
   */
  public Duration initial(TimerName timer, boolean reliable) {
    return switch (timer) {
      case A, E, G, RETRANSMIT_2XX -> t1;
      case B, F, H, L, M, ACK_WAIT -> sixtyFourT1();
      case D -> reliable ? Duration.ZERO : derived().timerDUnreliable();
      case I, K -> reliable ? Duration.ZERO : t4;
      case J -> reliable ? Duration.ZERO : sixtyFourT1();
      case TRYING -> trying;
    };
  }

  /**
   * The interval after {@code previous} for a retransmission timer: doubling without a cap
   * for Timer A (§17.1.1.2), doubling up to T2 for E (§17.1.2.2: in Proceeding it is T2 at
   * once, see {@link #t2()}), G (§17.2.1) and the 2xx (§13.3.1.4).
   */
  public Duration nextInterval(TimerName timer, Duration previous) {
    if (timer != TimerName.A && previous.compareTo(t2) >= 0) {
      return t2;
    }
    Duration doubled = derived().doubled(previous);
    return timer == TimerName.A || doubled.compareTo(t2) <= 0 ? doubled : t2;
  }

  private DerivedTimers derived() {
    DerivedTimers known = DERIVED.get(this);
    if (known != null) {
      return known;
    }
    if (DERIVED.size() >= DERIVED_LIMIT) {
      DERIVED.clear();
    }
    return DERIVED.computeIfAbsent(this, DerivedTimers::new);
  }
}
