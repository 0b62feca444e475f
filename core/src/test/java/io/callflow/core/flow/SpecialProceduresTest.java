package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.COMPLAINT;
import static io.callflow.core.flow.CallState.CONSULTING;
import static io.callflow.core.flow.CallState.EMERGENCY;
import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.RESOLVING;
import static io.callflow.core.flow.CallState.SENSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.effect.AlertKind;
import io.callflow.core.effect.DataMasking;
import io.callflow.core.effect.Effect;
import io.callflow.core.effect.Severity;
import io.callflow.core.effect.SipCommand;
import io.callflow.core.effect.SupervisorAlert;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.ConsultKind;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.policy.Department;
import io.callflow.core.policy.DepartmentDirectory;
import io.callflow.core.script.PromptKey;
import io.callflow.core.store.CallRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialProceduresTest {

  private final EngineFixture fx = new EngineFixture(CallFlowSettings.defaults()
      .withDepartments(new DepartmentDirectory(List.of(
          new Department("billing", "sip:billing@pbx.example"),
          new Department("technical", "sip:tech@pbx.example")))));

  @Test
  void sensitivePausesRecordingAndMasksDataThenReversesBothOnExit() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> entered = fx.send(new AgentEvent.SensitiveStarted(call));
    assertThat(entered).containsSubsequence(new SipCommand.PauseRecording(call),
        new DataMasking(call, true));
    assertThat(EngineFixture.prompts(entered)).containsExactly(PromptKey.SENSITIVE);
    fx.send(new SipEvent.RecordingPauseConfirmed(call));

    List<Effect> left = fx.send(new AgentEvent.SensitiveEnded(call));

    assertThat(left).containsSubsequence(new SipCommand.ResumeRecording(call),
        new DataMasking(call, false));
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
    assertThat(fx.store.of(call, CallRecord.Audited.class))
        .extracting(a -> a.action() + ":" + a.outcome())
        .containsSubsequence("recording:pause requested", "data-masking:on", "recording:paused",
            "recording:resume requested", "data-masking:off");
  }

  @Test
  void aRecordingPauseNotConfirmedInTimeTellsTheAgentAndTheSupervisor() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.send(new AgentEvent.SensitiveStarted(call));
    fx.advance(CallFlowSettings.defaults().recordingPauseTimeout());

    assertThat(EngineFixture.prompts(fx.timerEffects))
        .containsExactly(PromptKey.SENSITIVE_PAUSE_UNCONFIRMED);
    assertThat(EngineFixture.only(fx.timerEffects, SupervisorAlert.class)).singleElement()
        .extracting(SupervisorAlert::kind).isEqualTo(AlertKind.RECORDING_PAUSE_UNCONFIRMED);
    assertThat(fx.store.of(call, CallRecord.Audited.class))
        .anyMatch(a -> a.outcome().equals("pause unconfirmed"));
    assertThat(fx.state(call)).isEqualTo(SENSITIVE);
  }

  @Test
  void aRecordingPauseTheRecorderRefusesIsReportedAtOnce() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.send(new AgentEvent.SensitiveStarted(call));
    List<Effect> effects = fx.send(new SipEvent.RecordingPauseFailed(call, "recorder offline"));
    assertThat(EngineFixture.prompts(effects))
        .containsExactly(PromptKey.SENSITIVE_PAUSE_UNCONFIRMED);
    assertThat(EngineFixture.only(effects, SupervisorAlert.class)).singleElement()
        .extracting(SupervisorAlert::message).asString().contains("recorder offline");
    fx.advance(Duration.ofMinutes(1));
    assertThat(fx.timerEffects).noneMatch(SupervisorAlert.class::isInstance);
  }

  @Test
  void aLookupKeepsTheCustomerOnTheLineAndReturnsToTheStep() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new AgentEvent.ConsultRequested(call, ConsultKind.LOOKUP,
        null, "warranty terms"));
    assertThat(fx.state(call)).isEqualTo(CONSULTING);
    assertThat(effects).noneMatch(SipCommand.class::isInstance);
    fx.send(new AgentEvent.ProcedureFinished(call, null));
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
  }

  @Test
  void consultingADepartmentHoldsTheCustomerAndTakesThemOffHoldAfterwards() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new AgentEvent.ConsultRequested(call, ConsultKind.CONSULT,
        "billing", null));
    assertThat(effects).containsSubsequence(new SipCommand.HoldLeg(call, Leg.CUSTOMER),
        new SipCommand.ConsultDepartment(call, "billing", "sip:billing@pbx.example"));
    List<Effect> back = fx.send(new AgentEvent.ProcedureFinished(call, "answered"));
    assertThat(back).contains(new SipCommand.UnholdLeg(call, Leg.CUSTOMER));
    assertThat(EngineFixture.prompts(back)).containsExactly(PromptKey.RESUME_STEP);
  }

  @Test
  void aCompletedTransferEndsTheCallAsTransferredWithoutHangingUp() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new AgentEvent.ConsultRequested(call, ConsultKind.TRANSFER,
        "technical", null));
    assertThat(effects).contains(new SipCommand.Transfer(call, "technical",
        "sip:tech@pbx.example"));
    List<Effect> done = fx.send(new SipEvent.TransferCompleted(call));
    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(done).noneMatch(SipCommand.HangUp.class::isInstance);
    assertThat(fx.summaryJson(call)).contains("\"outcome\":\"TRANSFERRED\"");
  }

  @Test
  void anUnknownDepartmentIsRefusedNamingTheKnownOnes() {
    CallId call = fx.callAt("c-1", RESOLVING);
    assertThatThrownBy(() -> fx.send(new AgentEvent.ConsultRequested(call, ConsultKind.TRANSFER,
        "legal", null)))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("unknown department 'legal'")
        .hasMessageContaining("[billing, technical]");
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
  }

  @Test
  void aComplaintIsRecordedWithATicketAndTheSupervisorIsTold() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new AgentEvent.ComplaintRaised(call,
        "third outage this week"));

    assertThat(fx.state(call)).isEqualTo(COMPLAINT);
    assertThat(fx.store.of(call, CallRecord.ComplaintRecorded.class)).singleElement()
        .satisfies(r -> {
          assertThat(r.ticket()).isEqualTo("C-1");
          assertThat(r.text()).isEqualTo("third outage this week");
        });
    assertThat(EngineFixture.only(effects, SupervisorAlert.class)).singleElement()
        .satisfies(a -> {
          assertThat(a.kind()).isEqualTo(AlertKind.COMPLAINT);
          assertThat(a.message()).contains("C-1");
        });
    assertThat(fx.store.of(call, CallRecord.AlertRaised.class)).hasSize(1);
    fx.send(new AgentEvent.ProcedureFinished(call, null));
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
  }

  @Test
  void aComplaintWithoutTextIsRefused() {
    CallId call = fx.callAt("c-1", RESOLVING);
    assertThatThrownBy(() -> fx.send(new AgentEvent.ComplaintRaised(call, "")))
        .isInstanceOf(CallFlowException.class).hasMessageContaining("text is required");
    assertThat(fx.store.of(call, CallRecord.ComplaintRecorded.class)).isEmpty();
  }

  @Test
  void anEmergencyAlertsTheSupervisorAtOnceAndPromptsThePlan() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new AgentEvent.EmergencyDeclared(call, "customer reports fire"));
    assertThat(fx.state(call)).isEqualTo(EMERGENCY);
    assertThat(EngineFixture.only(effects, SupervisorAlert.class)).singleElement()
        .satisfies(a -> {
          assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
          assertThat(a.message()).contains("customer reports fire");
        });
    assertThat(EngineFixture.prompts(effects)).containsExactly(PromptKey.EMERGENCY);
  }

  @Test
  void anEmergencyDuringSensitiveInformationResumesRecordingAndReturnsToTheStepAfterwards() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.send(new AgentEvent.SensitiveStarted(call));
    List<Effect> effects = fx.send(new AgentEvent.EmergencyDeclared(call, "threat"));
    assertThat(effects).contains(new SipCommand.ResumeRecording(call), new DataMasking(call, false));
    fx.send(new AgentEvent.ProcedureFinished(call, null));
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
  }

  @Test
  void aSecondSpecialProcedureCannotStartInsideAnotherExceptAnEmergency() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.send(new AgentEvent.SensitiveStarted(call));
    assertThatThrownBy(() -> fx.send(new AgentEvent.ComplaintRaised(call, "rude")))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("no move from SENSITIVE to COMPLAINT");
    assertThat(fx.state(call)).isEqualTo(SENSITIVE);
  }
}
