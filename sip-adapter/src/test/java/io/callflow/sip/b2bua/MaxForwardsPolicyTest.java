package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxForwardsPolicyTest {

  private final MaxForwardsPolicy policy = MaxForwardsPolicy.defaults();

  @Test
  void decrementsAcrossLegs() {
    assertThat(policy.onRequest("70")).isEqualTo(new MaxForwardsDecision.Forward(69));
    assertThat(policy.onRequest(" 5 ")).isEqualTo(new MaxForwardsDecision.Forward(4));
  }

  @Test
  void lastHopStillForwardsWithZero() {
    assertThat(policy.onRequest("1")).isEqualTo(new MaxForwardsDecision.Forward(0));
  }

  @Test
  void zeroIsAnsweredTooManyHops() {
    assertThat(policy.onRequest("0")).isInstanceOf(MaxForwardsDecision.TooManyHops.class);
    assertThat(MaxForwardsDecision.TooManyHops.STATUS_CODE).isEqualTo(483);
  }

  @Test
  void absentHeaderStartsFromTheInitialValue() {
    assertThat(policy.onRequest(null)).isEqualTo(new MaxForwardsDecision.Forward(70));
  }

  @Test
  void largeValuesAreCappedAtTheInitialValue() {
    assertThat(new MaxForwardsPolicy(20).onRequest("255")).isEqualTo(new MaxForwardsDecision.Forward(20));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "ten", "7 0", "99999999999"})
  void malformedValueIsBadRequest(String value) {
    assertThat(policy.onRequest(value)).isInstanceOf(MaxForwardsDecision.Malformed.class);
  }

  @Test
  void initialValueMustBeInRange() {
    assertThatThrownBy(() -> new MaxForwardsPolicy(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.max-forwards").hasMessageContaining("1..255");
    assertThatThrownBy(() -> new MaxForwardsPolicy(256)).isInstanceOf(IllegalArgumentException.class);
  }
}
