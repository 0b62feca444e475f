package io.callflow.ops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesEveryUnit() {
    assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(Durations.parse("4s")).contains(Duration.ofSeconds(4));
    assertThat(Durations.parse("2m")).contains(Duration.ofMinutes(2));
    assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
    assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
  }

  @Test
  void numberWithoutUnitOrWithUnknownUnitIsNotADuration() {
    assertThat(Durations.parse("500")).isEmpty();
    assertThat(Durations.parse("5 sec")).isEmpty();
    assertThat(Durations.parse("-1s")).isEmpty();
  }

  @Test
  void formatsInTheLargestExactUnit() {
    assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMinutes(120))).isEqualTo("2h");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }
}
