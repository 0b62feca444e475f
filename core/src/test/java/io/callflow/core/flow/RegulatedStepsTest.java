package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.ANSWERED;
import static io.callflow.core.flow.CallState.CLOSING;
import static io.callflow.core.flow.CallState.COLLECTING_INFO;
import static io.callflow.core.flow.CallState.CONFIRMING;
import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.GREETING;
import static io.callflow.core.flow.CallState.RESOLVING;
import static io.callflow.core.flow.CallState.RINGING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.Effect;
import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.model.PhoneNumber;
import io.callflow.core.script.PromptKey;
import io.callflow.core.store.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegulatedStepsTest {

  private final EngineFixture fx = new EngineFixture();

  @Test
  void aCallWalksEveryRegulatedStepInOrderAndEndsCompleted() {
    CallId call = fx.offer("c-1");
    assertThat(fx.state(call)).isEqualTo(RINGING);
    List<Effect> answered = fx.send(new SipEvent.Answered(call));
    assertThat(EngineFixture.prompts(answered)).containsExactly(PromptKey.STEP_ANSWERED);

    for (CallState next : List.of(GREETING, COLLECTING_INFO, RESOLVING, CONFIRMING, CLOSING)) {
      List<Effect> effects = fx.complete(call);
      assertThat(fx.state(call)).isEqualTo(next);
      assertThat(EngineFixture.prompts(effects)).containsExactly(PromptKey.forStep(next));
    }
    List<Effect> closing = fx.complete(call);

    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(closing).contains(new SipCommand.HangUp(call));
    assertThat(fx.store.statesOf(call)).containsExactly(RINGING, ANSWERED, GREETING,
        COLLECTING_INFO, RESOLVING, CONFIRMING, CLOSING, ENDED);
    assertThat(fx.summaryJson(call))
        .contains("\"outcome\":\"COMPLETED\"")
        .contains("\"done\":[\"ANSWERED\",\"GREETING\",\"COLLECTING_INFO\",\"RESOLVING\","
            + "\"CONFIRMING\",\"CLOSING\"]")
        .contains("\"skipped\":[]", "\"repeated\":[]", "\"deviations\":[]");
  }

  @Test
  void promptsComeFromTheScriptAndNameTheAgent() {
    CallId call = fx.offer("c-1");
    List<Effect> effects = fx.send(new SipEvent.Answered(call));
    AgentPrompt prompt = EngineFixture.only(effects, AgentPrompt.class).get(0);
    assertThat(prompt.agentId()).isEqualTo(EngineFixture.AGENT);
    assertThat(prompt.text()).startsWith("Call connected.");
  }

  @Test
  void eachStepRecordsWhenItWasEnteredAndCompleted() {
    CallId call = fx.callAt("c-1", GREETING);
    Instant entered = fx.scheduler.clock().instant();
    fx.advance(Duration.ofSeconds(12));
    fx.complete(call);

    CallRecord.StepCompleted completed = fx.store.of(call, CallRecord.StepCompleted.class)
        .stream().filter(r -> r.step() == GREETING).findFirst().orElseThrow();
    assertThat(completed.enteredAt()).isEqualTo(entered);
    assertThat(completed.at()).isEqualTo(entered.plusSeconds(12));
  }

  @Test
  void collectedInformationIsRecordedWithTheContactNumberMasked() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<CallRecord.InfoCollected> info = fx.store.of(call, CallRecord.InfoCollected.class);
    assertThat(info).extracting(CallRecord.InfoCollected::field)
        .containsExactlyInAnyOrder("customerName", "contactNumber", "problem");
    assertThat(info).filteredOn(r -> r.field().equals("contactNumber"))
        .singleElement().extracting(CallRecord.InfoCollected::value)
        .isEqualTo(PhoneNumber.parse("+44 20 7946 0999").masked());
    assertThat(fx.store.all()).noneMatch(r -> r.toString().contains("79460999"));
  }

  @Test
  void informationRecordedEarlierCountsTowardsCompletingTheStep() {
    CallId call = fx.callAt("c-1", COLLECTING_INFO);
    fx.send(new AgentEvent.InfoRecorded(call, "customerName", "Ada"));
    fx.send(new AgentEvent.InfoRecorded(call, "contactNumber", "020 7946 0999"));
    fx.send(new AgentEvent.InfoRecorded(call, "problem", "no dial tone"));
    fx.send(new AgentEvent.StepCompleted(call, COLLECTING_INFO));
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
  }

  @Test
  void collectingInfoCannotBeCompletedWithoutNameContactAndProblem() {
    CallId call = fx.callAt("c-1", COLLECTING_INFO);
    int before = fx.records(call).size();
    assertThatThrownBy(() -> fx.send(new AgentEvent.StepCompleted(call, COLLECTING_INFO,
        Map.of("customerName", "Ada"))))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("c-1").hasMessageContaining("COLLECTING_INFO")
        .hasMessageContaining("StepCompleted").hasMessageContaining("contactNumber")
        .hasMessageContaining("problem");
    assertThat(fx.state(call)).isEqualTo(COLLECTING_INFO);
    assertThat(fx.records(call)).hasSize(before);
  }

  @Test
  void confirmingNeedsYesOrNoForSatisfactionAndAcceptance() {
    CallId call = fx.callAt("c-1", CONFIRMING);
    assertThatThrownBy(() -> fx.send(new AgentEvent.StepCompleted(call, CONFIRMING,
        Map.of("satisfied", "maybe", "solutionAccepted", "yes"))))
        .isInstanceOf(CallFlowException.class).hasMessageContaining("'yes' or 'no'");
    fx.send(new AgentEvent.StepCompleted(call, CONFIRMING,
        Map.of("satisfied", "no", "solutionAccepted", "yes")));
    assertThat(fx.state(call)).isEqualTo(CLOSING);
  }

  @Test
  void theCustomerHangingUpMidCallEndsItAndTheSummarySaysWhatWasNotReached() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, 16, null));
    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(effects).contains(new SipCommand.HangUp(call));
    assertThat(fx.summaryJson(call)).contains("\"outcome\":\"CUSTOMER_HUNG_UP\"")
        .contains("\"notReached\":[\"RESOLVING\",\"CONFIRMING\",\"CLOSING\"]");
  }

  @Test
  void aByeWithoutReasonIsAHangupNotADrop() {
    CallId call = fx.callAt("c-1", GREETING);
    fx.send(new SipEvent.LegEnded(call, Leg.AGENT, null, "BYE"));
    assertThat(fx.store.statesOf(call)).doesNotContain(CallState.DROPPED).endsWith(ENDED);
    assertThat(fx.summaryJson(call)).contains("AGENT_HUNG_UP");
  }

  @Test
  void aCustomerWhoHangsUpWhileRingingAbandonsTheCall() {
    CallId call = fx.offer("c-1");
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, 16, "CANCEL"));
    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(fx.summaryJson(call)).contains("ABANDONED");
  }

  @Test
  void theLegsOfAnEndedCallMayEndWithoutError() {
    CallId call = fx.callAt("c-1", GREETING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, 16, null));
    assertThat(fx.send(new SipEvent.LegEnded(call, Leg.AGENT, 16, null))).isEmpty();
    assertThat(fx.store.of(call, CallRecord.ComplianceSummary.class)).hasSize(1);
  }

  @Test
  void anEndedCallIsForgottenAfterTheRetentionTime() {
    CallId call = fx.callAt("c-1", GREETING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, 16, null));
    assertThat(fx.engine.view(call)).isPresent();
    fx.advance(CallFlowSettings.defaults().endedRetention());
    assertThat(fx.engine.view(call)).isEmpty();
  }
}
