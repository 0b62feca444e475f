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

  @Test
  void retransmitIntervalsDoubleFromT1WhateverT1AndT2Are() {
    TimerSettings odd = new TimerSettings(Duration.ofMillis(300), Duration.ofMillis(1000),
        Duration.ofSeconds(5), Duration.ofMillis(200));
    Duration e = odd.initial(TimerName.E, false);
    Duration a = odd.initial(TimerName.A, false);
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      seen.append(e.toMillis()).append('/').append(a.toMillis()).append(' ');
      e = odd.nextInterval(TimerName.E, e);
      a = odd.nextInterval(TimerName.A, a);
    }
    assertThat(seen.toString().trim()).isEqualTo("300/300 600/600 1000/1200 1000/2400 1000/4800"
        + " 1000/9600 1000/19200 1000/38400 1000/76800 1000/153600");
    assertThat(odd.sixtyFourT1()).isEqualTo(Duration.ofMillis(19_200));
    assertThat(odd.initial(TimerName.J, false)).isEqualTo(Duration.ofMillis(19_200));
    assertThat(odd.initial(TimerName.D, false)).isEqualTo(Duration.ofSeconds(32));
  }

  @Test
  void aLongT1MakesTimerDLongerThan32Seconds() {
    TimerSettings slow = new TimerSettings(Duration.ofSeconds(1), Duration.ofSeconds(4),
        Duration.ofSeconds(5), Duration.ofMillis(200));
    assertThat(slow.initial(TimerName.D, false)).isEqualTo(Duration.ofSeconds(64));
    assertThat(slow.initial(TimerName.B, false)).isEqualTo(Duration.ofSeconds(64));
  }

  @Test
  void equalSettingsDeriveEqualDurations() {
    TimerSettings copy = new TimerSettings(Duration.ofMillis(500), Duration.ofSeconds(4),
        Duration.ofSeconds(5), Duration.ofMillis(200));
    for (TimerName name : TimerName.values()) {
      assertThat(copy.initial(name, false)).as(name.name()).isEqualTo(timers.initial(name, false));
    }
    assertThat(copy.nextInterval(TimerName.A, Duration.ofMillis(700)))
        .isEqualTo(Duration.ofMillis(1400));
  }

  /** Duration.multipliedBy goes through BigDecimal: some 350 bytes per derived duration before. */
  @Test
  void derivedDurationsAreNotAllocatedAgainForEachTimer() {
    int transactions = 10_000;
    TimerSettings settings = new TimerSettings(Duration.ofMillis(500), Duration.ofSeconds(4),
        Duration.ofSeconds(5), Duration.ofMillis(200));
    Runnable deriving = () -> {
      for (int i = 0; i < transactions; i++) {
        settings.sixtyFourT1();
        settings.initial(TimerName.B, false);
        settings.initial(TimerName.D, false);
        Duration a = settings.initial(TimerName.A, false);
        Duration e = settings.initial(TimerName.E, false);
        for (int doubling = 0; doubling < 6; doubling++) {
          a = settings.nextInterval(TimerName.A, a);
          e = settings.nextInterval(TimerName.E, e);
        }
      }
    };
    deriving.run();

    assertThat(AllocatedBytes.by(deriving)).isLessThan(transactions);
  }
}
