package io.callflow.sip.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimerSettingsTest {

  private final TimerSettings timers = TimerSettings.DEFAULTS;

  @Test
  void derivedTimersFollowTheRfcTable() {
    assertThat(timers.initial(TimerName.A, false)).isEqualTo(Duration.ofMillis(500));
    assertThat(timers.initial(TimerName.B, false)).isEqualTo(Duration.ofSeconds(32));
    assertThat(timers.initial(TimerName.D, false)).isEqualTo(Duration.ofSeconds(32));
    assertThat(timers.initial(TimerName.H, true)).isEqualTo(Duration.ofSeconds(32));
    assertThat(timers.initial(TimerName.I, false)).isEqualTo(Duration.ofSeconds(5));
    assertThat(timers.initial(TimerName.K, false)).isEqualTo(Duration.ofSeconds(5));
    assertThat(timers.initial(TimerName.L, true)).isEqualTo(Duration.ofSeconds(32));
    assertThat(timers.initial(TimerName.TRYING, true)).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void waitTimersAreZeroOverReliableTransports() {
    for (TimerName name : new TimerName[] {TimerName.D, TimerName.I, TimerName.J, TimerName.K}) {
      assertThat(timers.initial(name, true)).as(name.name()).isZero();
    }
  }

  @Test
  void timerAKeepsDoublingWhileEGAnd2xxStopAtT2() {
    assertThat(timers.nextInterval(TimerName.A, Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(8));
    assertThat(timers.nextInterval(TimerName.E, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(4));
    assertThat(timers.nextInterval(TimerName.G, Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
    assertThat(timers.nextInterval(TimerName.RETRANSMIT_2XX, Duration.ofSeconds(4)))
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void timerDStaysAtLeast32SecondsWhenT1IsShort() {
    TimerSettings fast = new TimerSettings(Duration.ofMillis(100), Duration.ofSeconds(1),
        Duration.ofSeconds(1), Duration.ofMillis(50));
    assertThat(fast.initial(TimerName.D, false)).isEqualTo(Duration.ofSeconds(32));
    assertThat(fast.initial(TimerName.B, false)).isEqualTo(Duration.ofMillis(6400));
  }

  @Test
  void aT2ShorterThanT1IsRejectedNamingTheKey() {
    assertThatThrownBy(() -> new TimerSettings(Duration.ofSeconds(2), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofMillis(200)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sip.timers.t2");
  }

  @Test
  void aZeroT1IsRejectedNamingTheKey() {
    assertThatThrownBy(() -> new TimerSettings(Duration.ZERO, Duration.ofSeconds(4),
        Duration.ofSeconds(5), Duration.ofMillis(200)))
        .hasMessageContaining("sip.timers.t1");
  }
}
