package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.GREETING;
import static io.callflow.core.flow.CallState.RINGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import org.junit.jupiter.api.Test;

class RefusedEventsTest {

  private final EngineFixture fx = new EngineFixture();

  @Test
  void anAgentActionOnAnEndedCallIsRefusedNamingCallStateAndEvent() {
    CallId call = fx.callAt("c-9", GREETING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, 16, null));
    int before = fx.records(call).size();

    assertThatThrownBy(() -> fx.send(new AgentEvent.ComplaintRaised(call, "too late")))
        .isInstanceOfSatisfying(CallFlowException.class, e -> {
          assertThat(e.reason()).isEqualTo(CallFlowException.Reason.ILLEGAL_EVENT);
          assertThat(e.callId()).isEqualTo(call);
          assertThat(e.state()).isEqualTo(ENDED);
          assertThat(e.event()).isEqualTo("ComplaintRaised");
          assertThat(e.getMessage()).isEqualTo(
              "call c-9 (state ENDED): ComplaintRaised refused: the call has ended");
        });
    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(fx.records(call)).hasSize(before);
  }

  @Test
  void anAnswerForACallNeverOfferedIsRefusedAsUnknown() {
    assertThatThrownBy(() -> fx.send(new SipEvent.Answered(new CallId("ghost"))))
        .isInstanceOfSatisfying(CallFlowException.class, e -> {
          assertThat(e.reason()).isEqualTo(CallFlowException.Reason.UNKNOWN_CALL);
          assertThat(e.getMessage()).contains("ghost", "state none", "Answered");
        });
    assertThat(fx.engine.callCount()).isZero();
    assertThat(fx.store.all()).isEmpty();
  }

  @Test
  void aSecondAnswerIsRefusedAndTheCallStaysWhereItWas() {
    CallId call = fx.callAt("c-1", GREETING);
    assertThatThrownBy(() -> fx.send(new SipEvent.Answered(call)))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("call c-1 (state GREETING): Answered refused");
    assertThat(fx.state(call)).isEqualTo(GREETING);
  }

  @Test
  void anOfferWithAMalformedNumberIsRefusedWithoutCreatingTheCall() {
    assertThatThrownBy(() -> fx.send(new SipEvent.Offered(new CallId("c-2"), "+44 20 79x6 0321",
        "agent-7", "trunk-1")))
        .isInstanceOfSatisfying(CallFlowException.class, e -> {
          assertThat(e.reason()).isEqualTo(CallFlowException.Reason.INVALID_INPUT);
          assertThat(e.getMessage()).contains("c-2", "customerNumber", "malformed phone number")
              .doesNotContain("7946");
        });
    assertThat(fx.engine.view(new CallId("c-2"))).isEmpty();
    assertThat(fx.store.all()).isEmpty();
  }

  @Test
  void anOfferWithoutAnAgentIsRefused() {
    assertThatThrownBy(() -> fx.send(new SipEvent.Offered(new CallId("c-2"), "02079460321",
        " ", "trunk-1")))
        .isInstanceOf(CallFlowException.class).hasMessageContaining("agentId is required");
    assertThat(fx.engine.callCount()).isZero();
  }

  @Test
  void aSecondOfferWithTheSameCallIdIsRefusedAndTheFirstCallIsUntouched() {
    CallId call = fx.offer("c-1");
    int before = fx.records(call).size();
    assertThatThrownBy(() -> fx.offer("c-1"))
        .isInstanceOfSatisfying(CallFlowException.class,
            e -> assertThat(e.reason()).isEqualTo(CallFlowException.Reason.DUPLICATE_CALL));
    assertThat(fx.state(call)).isEqualTo(RINGING);
    assertThat(fx.records(call)).hasSize(before);
  }

  @Test
  void anEventWithoutACallIdIsRefused() {
    assertThatThrownBy(() -> fx.send(new SipEvent.Answered(null)))
        .isInstanceOf(CallFlowException.class).hasMessageContaining("call id is required");
  }

  @Test
  void aMalformedContactNumberIsRefusedAndNothingIsRecorded() {
    CallId call = fx.callAt("c-1", CallState.COLLECTING_INFO);
    int before = fx.records(call).size();
    assertThatThrownBy(() -> fx.send(new AgentEvent.InfoRecorded(call, "contactNumber",
        "call me maybe")))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("COLLECTING_INFO").hasMessageContaining("InfoRecorded")
        .hasMessageContaining("malformed phone number");
    assertThat(fx.records(call)).hasSize(before);
  }

  @Test
  void anUnknownInformationFieldIsRefusedNamingTheKnownOnes() {
    CallId call = fx.callAt("c-1", CallState.COLLECTING_INFO);
    assertThatThrownBy(() -> fx.send(new AgentEvent.InfoRecorded(call, "shoeSize", "9")))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("unknown field 'shoeSize'").hasMessageContaining("customerName");
  }

  @Test
  void aStepCompletedWhileRingingIsRefused() {
    CallId call = fx.offer("c-1");
    assertThatThrownBy(() -> fx.send(new AgentEvent.StepCompleted(call, RINGING)))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("call c-1 (state RINGING): StepCompleted refused");
    assertThat(fx.state(call)).isEqualTo(RINGING);
  }
}
