package io.callflow.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallTransitionsTest {

  @Test
  void anEndedCallCannotMoveAnywhere() {
    for (CallState to : CallState.values()) {
      assertThat(CallTransitions.allowed(CallState.ENDED, to)).as("ENDED -> %s", to).isFalse();
    }
  }

  @Test
  void everyConnectedStepCanEnterEverySpecialProcedureAndReturn() {
    for (CallState step : CallTransitions.CONNECTED_STEPS) {
      for (CallState procedure : CallTransitions.SPECIAL_PROCEDURES) {
        assertThat(CallTransitions.allowed(step, procedure)).as("%s -> %s", step, procedure).isTrue();
        assertThat(CallTransitions.allowed(procedure, step)).as("%s -> %s", procedure, step).isTrue();
      }
    }
  }

  @Test
  void aRingingCallCanOnlyBeAnsweredOrEnd() {
    assertThat(CallTransitions.allowedFrom(CallState.RINGING))
        .containsExactlyInAnyOrder(CallState.ANSWERED, CallState.ENDED);
  }

  @Test
  void aDroppedCallGoesStraightToReconnecting() {
    assertThat(CallTransitions.allowedFrom(CallState.DROPPED))
        .containsExactlyInAnyOrder(CallState.RECONNECTING, CallState.ENDED);
  }

  @Test
  void everyStateHasItsAllowedMovesListed() {
    for (CallState state : CallState.values()) {
      assertThat(CallTransitions.allowedFrom(state)).as("%s", state).isNotNull();
    }
  }

  @Test
  void theStepAfterClosingIsEnded() {
    assertThat(CallTransitions.nextStep(CallState.CLOSING)).isEqualTo(CallState.ENDED);
    assertThat(CallTransitions.nextStep(CallState.RINGING)).isEqualTo(CallState.ANSWERED);
  }
}
