package io.callflow.sip.b2bua.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallPhaseTest {

  @Test
  void ringingCallIsEitherBridgedOrEndedNeverDropped() {
    assertThat(CallPhase.OFFERING.canMoveTo(CallPhase.BRIDGED)).isTrue();
    assertThat(CallPhase.OFFERING.canMoveTo(CallPhase.ENDED)).isTrue();
    assertThat(CallPhase.OFFERING.canMoveTo(CallPhase.DROPPED)).isFalse();
  }

  @Test
  void droppedCallIsBridgedAgainByAReconnectOrEnds() {
    assertThat(CallPhase.BRIDGED.canMoveTo(CallPhase.DROPPED)).isTrue();
    assertThat(CallPhase.DROPPED.canMoveTo(CallPhase.BRIDGED)).isTrue();
    assertThat(CallPhase.DROPPED.canMoveTo(CallPhase.ENDED)).isTrue();
  }

  @Test
  void endedCallGoesNowhere() {
    for (CallPhase next : CallPhase.values()) {
      assertThat(CallPhase.ENDED.canMoveTo(next)).as("ENDED -> %s", next).isFalse();
    }
  }

  @Test
  void callRestoredAfterARestartIsBridgedDroppedOrEndedButNeverRingsAgain() {
    assertThat(CallPhase.RECOVERING.canMoveTo(CallPhase.BRIDGED)).isTrue();
    assertThat(CallPhase.RECOVERING.canMoveTo(CallPhase.DROPPED)).isTrue();
    assertThat(CallPhase.RECOVERING.canMoveTo(CallPhase.ENDED)).isTrue();
    assertThat(CallPhase.RECOVERING.canMoveTo(CallPhase.OFFERING)).isFalse();
    assertThat(CallPhase.BRIDGED.canMoveTo(CallPhase.RECOVERING)).isFalse();
  }
}
