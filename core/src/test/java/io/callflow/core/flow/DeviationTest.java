package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.CLOSING;
import static io.callflow.core.flow.CallState.COLLECTING_INFO;
import static io.callflow.core.flow.CallState.CONFIRMING;
import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.GREETING;
import static io.callflow.core.flow.CallState.RESOLVING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.event.AgentEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import org.junit.jupiter.api.Test;

class DeviationTest {

  private final EngineFixture fx = new EngineFixture();

  @Test
  void skippingAStepWithAReasonIsAllowedAndRecordedAsADeviation() {
    CallId call = fx.callAt("c-1", GREETING);
    fx.send(new AgentEvent.GoToStep(call, RESOLVING, "returning customer, details on file"));

    assertThat(fx.state(call)).isEqualTo(RESOLVING);
    CallRecord.StateChanged change = fx.store.of(call, CallRecord.StateChanged.class)
        .get(fx.store.of(call, CallRecord.StateChanged.class).size() - 1);
    assertThat(change.reason()).isEqualTo("returning customer, details on file");
    assertThat(change.event()).isEqualTo("GoToStep");
  }

  @Test
  void theSummaryListsSkippedRepeatedAndOutOfOrderStepsWithTheReasons() {
    CallId call = fx.callAt("c-1", GREETING);
    fx.send(new AgentEvent.GoToStep(call, RESOLVING, "returning customer"));
    fx.complete(call);
    fx.send(new AgentEvent.GoToStep(call, COLLECTING_INFO, "needs a new contact number"));
    fx.complete(call);
    fx.complete(call);
    fx.complete(call);
    fx.complete(call);

    assertThat(fx.state(call)).isEqualTo(ENDED);
    String json = fx.summaryJson(call);
    assertThat(json)
        .contains("\"outcome\":\"COMPLETED\"")
        .contains("\"skipped\":[\"GREETING\"]")
        .contains("\"repeated\":[\"RESOLVING\",\"CONFIRMING\"]")
        .contains("\"outOfOrder\":[\"COLLECTING_INFO\",\"RESOLVING\"]")
        .contains("{\"from\":\"GREETING\",\"to\":\"RESOLVING\",\"kind\":\"SKIP\","
            + "\"reason\":\"returning customer\"")
        .contains("{\"from\":\"CONFIRMING\",\"to\":\"COLLECTING_INFO\",\"kind\":\"BACK\","
            + "\"reason\":\"needs a new contact number\"");
  }

  @Test
  void endingEarlyWithAReasonCountsTheRemainingStepsAsSkipped() {
    CallId call = fx.callAt("c-1", COLLECTING_INFO);
    fx.send(new AgentEvent.GoToStep(call, ENDED, "wrong number"));
    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(fx.summaryJson(call)).contains("\"outcome\":\"ENDED_EARLY\"")
        .contains("\"skipped\":[\"COLLECTING_INFO\",\"RESOLVING\",\"CONFIRMING\",\"CLOSING\"]")
        .contains("\"kind\":\"END_EARLY\",\"reason\":\"wrong number\"");
  }

  @Test
  void aDeviationWithoutAReasonIsRefusedAndChangesNothing() {
    CallId call = fx.callAt("c-1", GREETING);
    int before = fx.records(call).size();
    assertThatThrownBy(() -> fx.send(new AgentEvent.GoToStep(call, CLOSING, " ")))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("c-1").hasMessageContaining("GREETING")
        .hasMessageContaining("GoToStep").hasMessageContaining("reason is required");
    assertThat(fx.state(call)).isEqualTo(GREETING);
    assertThat(fx.records(call)).hasSize(before);
  }

  @Test
  void aDeviationToAProcedureStateIsRefused() {
    CallId call = fx.callAt("c-1", GREETING);
    assertThatThrownBy(() -> fx.send(new AgentEvent.GoToStep(call, CallState.SENSITIVE, "x")))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("SENSITIVE is not a connected step");
    assertThat(fx.state(call)).isEqualTo(GREETING);
  }

  @Test
  void completingAStepOtherThanTheCurrentOneIsRefused() {
    CallId call = fx.callAt("c-1", GREETING);
    assertThatThrownBy(() -> fx.send(new AgentEvent.StepCompleted(call, CONFIRMING)))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("the call is in GREETING, not CONFIRMING");
  }
}
