package io.callflow.sip.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
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
}
