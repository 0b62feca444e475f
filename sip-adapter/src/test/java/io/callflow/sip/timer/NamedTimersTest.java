package io.callflow.sip.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedTimersTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final NamedTimers timers = new NamedTimers(scheduler);
  private final List<String> fired = new ArrayList<>();

  @Test
  void aStartedTimerIsPendingUntilItFires() {
    timers.start(TimerName.E, Duration.ofMillis(500), () -> fired.add("E"));
    assertThat(timers.pending()).containsExactly(TimerName.E);
    assertThat(timers.remaining(TimerName.E)).isEqualTo(Duration.ofMillis(500));

    scheduler.advance(Duration.ofMillis(499));
    assertThat(fired).isEmpty();
    scheduler.advance(Duration.ofMillis(1));

    assertThat(fired).containsExactly("E");
    assertThat(timers.pending()).isEmpty();
  }

  @Test
  void restartingATimerReplacesThePendingOne() {
    timers.start(TimerName.G, Duration.ofMillis(500), () -> fired.add("first"));
    timers.start(TimerName.G, Duration.ofSeconds(1), () -> fired.add("second"));

    scheduler.advance(Duration.ofSeconds(2));

    assertThat(fired).containsExactly("second");
  }

  @Test
  void cancelAllStopsEveryTimer() {
    timers.start(TimerName.E, Duration.ofMillis(500), () -> fired.add("E"));
    timers.start(TimerName.F, Duration.ofSeconds(32), () -> fired.add("F"));

    timers.cancelAll();
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(fired).isEmpty();
    assertThat(timers.pending()).isEmpty();
  }

  @Test
  void aTimerRestartedByItsOwnActionStaysPendingWithItsNewInterval() {
    timers.start(TimerName.A, Duration.ofMillis(500), new Runnable() {
      @Override
      public void run() {
        fired.add("A");
        timers.start(TimerName.A, Duration.ofSeconds(1), this);
      }
    });

    scheduler.advance(Duration.ofMillis(500));

    assertThat(fired).containsExactly("A");
    assertThat(timers.isPending(TimerName.A)).isTrue();
    assertThat(timers.interval(TimerName.A)).isEqualTo(Duration.ofSeconds(1));
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(fired).containsExactly("A", "A");
  }

  @Test
  void cancellingOneTimerLeavesTheOthersRunning() {
    timers.start(TimerName.G, Duration.ofMillis(500), () -> fired.add("G"));
    timers.start(TimerName.H, Duration.ofSeconds(32), () -> fired.add("H"));
    timers.start(TimerName.TRYING, Duration.ofMillis(200), () -> fired.add("TRYING"));

    timers.cancel(TimerName.G);
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(fired).containsExactly("TRYING", "H");
    assertThat(timers.isPending(TimerName.G)).isFalse();
  }

  @Test
  void aTimerNotPendingHasNoRemainingTimeOrInterval() {
    timers.start(TimerName.K, Duration.ofSeconds(5), () -> fired.add("K"));
    assertThat(timers.remaining(TimerName.K)).isEqualTo(Duration.ofSeconds(5));
    assertThat(timers.interval(TimerName.K)).isEqualTo(Duration.ofSeconds(5));
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(timers.remaining(TimerName.K)).isEqualTo(Duration.ofSeconds(3));

    scheduler.advance(Duration.ofSeconds(3));

    assertThat(timers.isPending(TimerName.K)).isFalse();
    assertThat(timers.remaining(TimerName.K)).isNull();
    assertThat(timers.interval(TimerName.K)).isNull();
    assertThat(timers.remaining(TimerName.J)).isNull();
  }

  @Test
  void everyNamedTimerCanBePendingAtOnceAndEachFiresOnce() {
    for (TimerName name : TimerName.values()) {
      timers.start(name, Duration.ofMillis(100L * (name.ordinal() + 1)), () -> fired.add(name.name()));
    }
    assertThat(timers.pending()).containsExactly(TimerName.values());

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(fired).containsExactly(Arrays.stream(TimerName.values())
        .map(TimerName::name).toArray(String[]::new));
    assertThat(timers.pending()).isEmpty();
  }

  @Test
  void aTimerCancelledByAnotherTimersActionDoesNotFire() {
    timers.start(TimerName.B, Duration.ofSeconds(32), () -> fired.add("B"));
    timers.start(TimerName.A, Duration.ofSeconds(32), () -> fired.add("A"));
    timers.start(TimerName.M, Duration.ofMillis(10), () -> {
      fired.add("M");
      timers.cancelAll();
    });

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(fired).containsExactly("M");
    assertThat(timers.pending()).isEmpty();
  }
}
