package io.callflow.headset.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionTest {

  private static final Observation BAD = new Observation(FaultType.NOISE, Severity.DEGRADED, "noisy", false);
  private static final Observation WORSE = new Observation(FaultType.NOISE, Severity.FAULT, "very noisy", false);
  private static final Observation FINE = Observation.fine(FaultType.NOISE);

  @Test
  void raisesOnlyAfterTheConfiguredRunOfBadObservations() {
    Condition condition = new Condition(3, 2);
    assertThat(condition.observe(BAD)).isEqualTo(ConditionChange.NONE);
    assertThat(condition.observe(BAD)).isEqualTo(ConditionChange.NONE);
    assertThat(condition.observe(BAD)).isEqualTo(ConditionChange.RAISED);
    assertThat(condition.active()).isEqualTo(Severity.DEGRADED);
    assertThat(condition.evidence()).isEqualTo("noisy");
  }

  @Test
  void aFineObservationRestartsTheRun() {
    Condition condition = new Condition(2, 2);
    condition.observe(BAD);
    condition.observe(FINE);
    assertThat(condition.observe(BAD)).isEqualTo(ConditionChange.NONE);
    assertThat(condition.active()).isNull();
  }

  @Test
  void escalatesAtOnceButNeverDeEscalatesBeforeClearing() {
    Condition condition = new Condition(1, 2);
    condition.observe(BAD);
    assertThat(condition.observe(WORSE)).isEqualTo(ConditionChange.ESCALATED);
    assertThat(condition.observe(BAD)).isEqualTo(ConditionChange.NONE);
    assertThat(condition.active()).isEqualTo(Severity.FAULT);
    assertThat(condition.observe(FINE)).isEqualTo(ConditionChange.NONE);
    assertThat(condition.observe(FINE)).isEqualTo(ConditionChange.CLEARED);
    assertThat(condition.active()).isNull();
  }

  @Test
  void anImmediateObservationRaisesAndClearsWithoutWaiting() {
    Condition condition = new Condition(5, 5);
    assertThat(condition.observe(new Observation(FaultType.SHIFT_CHECK, Severity.FAULT, "failed", true)))
        .isEqualTo(ConditionChange.RAISED);
    assertThat(condition.observe(new Observation(FaultType.SHIFT_CHECK, null, null, true)))
        .isEqualTo(ConditionChange.CLEARED);
  }
}
