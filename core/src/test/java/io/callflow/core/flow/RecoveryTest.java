package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.CONFIRMING;
import static io.callflow.core.flow.CallState.DROPPED;
import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.RECONNECTING;
import static io.callflow.core.flow.CallState.RECOVERING;
import static io.callflow.core.flow.CallState.RESOLVING;
import static io.callflow.core.flow.CallState.SENSITIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.callflow.core.effect.AlertKind;
import io.callflow.core.effect.Effect;
import io.callflow.core.effect.Severity;
import io.callflow.core.effect.SipCommand;
import io.callflow.core.effect.SupervisorAlert;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.script.PromptKey;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.RecoveredCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryTest {

  private static final byte[] CUSTOMER_DIALOG = {1, 2, 3};
  private static final byte[] AGENT_DIALOG = {4, 5, 6};

  private final EngineFixture fx = new EngineFixture();
  private final CallId call = new CallId("c-restart");

  private RecoveredCall saved(CallState state, CallState resumeStep, Map<Leg, byte[]> legs) {
    return new RecoveredCall(call, state, resumeStep, legs, Instant.parse("2026-01-05T08:59:00Z"));
  }

  @Test
  void aRecoveredCallProbesEachSavedLeg() {
    List<Effect> effects = fx.engine.recover(saved(RESOLVING, RESOLVING,
        Map.of(Leg.CUSTOMER, CUSTOMER_DIALOG, Leg.AGENT, AGENT_DIALOG)));

    assertThat(fx.state(call)).isEqualTo(RECOVERING);
    assertThat(EngineFixture.only(effects, SipCommand.ProbeLeg.class))
        .extracting(SipCommand.ProbeLeg::leg, SipCommand.ProbeLeg::snapshot)
        .containsExactlyInAnyOrder(tuple(Leg.CUSTOMER, CUSTOMER_DIALOG),
            tuple(Leg.AGENT, AGENT_DIALOG));
    CallRecord.StateChanged first = fx.store.of(call, CallRecord.StateChanged.class).get(0);
    assertThat(first.from()).isEqualTo(RESOLVING);
    assertThat(first.to()).isEqualTo(RECOVERING);
  }

  @Test
  void legsThatAnswerResumeAtTheSavedStepAndSignallingRecoveredIsRecorded() {
    fx.engine.recover(saved(SENSITIVE, CONFIRMING,
        Map.of(Leg.CUSTOMER, CUSTOMER_DIALOG, Leg.AGENT, AGENT_DIALOG)));
    fx.send(new SipEvent.LegAlive(call, Leg.AGENT));
    List<Effect> effects = fx.send(new SipEvent.LegAlive(call, Leg.CUSTOMER));

    assertThat(fx.state(call)).isEqualTo(CONFIRMING);
    assertThat(EngineFixture.prompts(effects)).containsExactly(PromptKey.RECOVERY_RESUMED);
    assertThat(fx.store.of(call, CallRecord.Audited.class))
        .anyMatch(a -> a.outcome().equals("signalling recovered"));
  }

  @Test
  void aCallSavedInAStepResumesAtThatStepEvenIfAnEarlierProcedureReturnedElsewhere() {
    fx.engine.recover(saved(CallState.CLOSING, RESOLVING,
        Map.of(Leg.CUSTOMER, CUSTOMER_DIALOG, Leg.AGENT, AGENT_DIALOG)));
    fx.send(new SipEvent.LegAlive(call, Leg.AGENT));
    fx.send(new SipEvent.LegAlive(call, Leg.CUSTOMER));
    assertThat(fx.state(call)).isEqualTo(CallState.CLOSING);
  }

  @Test
  void theResumeStepRecordedWithAStepIsThatStep() {
    CallId live = fx.callAt("c-live", RESOLVING);
    fx.send(new AgentEvent.ComplaintRaised(live, "late engineer"));
    fx.send(new AgentEvent.ProcedureFinished(live, null));
    fx.complete(live);
    List<CallRecord.StateChanged> changes = fx.store.of(live, CallRecord.StateChanged.class);
    assertThat(changes.get(changes.size() - 1).to()).isEqualTo(CONFIRMING);
    assertThat(changes.get(changes.size() - 1).resumeStep()).isEqualTo(CONFIRMING);
  }

  @Test
  void aLegThatIsGoneIsADropAndGoesToTheReconnectProcedure() {
    fx.engine.recover(saved(RESOLVING, RESOLVING,
        Map.of(Leg.CUSTOMER, CUSTOMER_DIALOG, Leg.AGENT, AGENT_DIALOG)));
    fx.send(new SipEvent.LegAlive(call, Leg.AGENT));
    List<Effect> effects = fx.send(new SipEvent.LegGone(call, Leg.CUSTOMER, "481"));

    assertThat(fx.store.statesOf(call)).containsExactly(RECOVERING, DROPPED, RECONNECTING);
    assertThat(effects).contains(new SipCommand.HoldLeg(call, Leg.AGENT));
    assertThat(EngineFixture.only(effects, SipCommand.CallCustomerBack.class)).hasSize(1);
    fx.send(new SipEvent.Reconnected(call, Leg.CUSTOMER));
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
  }

  @Test
  void aProbeThatGetsNoAnswerCountsAsAGoneLeg() {
    fx.engine.recover(saved(RESOLVING, RESOLVING,
        Map.of(Leg.CUSTOMER, CUSTOMER_DIALOG, Leg.AGENT, AGENT_DIALOG)));
    fx.send(new SipEvent.LegAlive(call, Leg.CUSTOMER));
    fx.advance(CallFlowSettings.defaults().probeTimeout());

    assertThat(fx.state(call)).isEqualTo(RECONNECTING);
    assertThat(EngineFixture.only(fx.timerEffects, SipCommand.RedialAgent.class)).hasSize(1);
  }

  @Test
  void aCallWithBothLegsGoneIsEndedLoudlyNotLostSilently() {
    fx.engine.recover(saved(RESOLVING, RESOLVING, Map.of(Leg.CUSTOMER, CUSTOMER_DIALOG)));
    List<Effect> effects = fx.send(new SipEvent.LegGone(call, Leg.CUSTOMER, "481"));

    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(EngineFixture.only(effects, SupervisorAlert.class)).singleElement()
        .satisfies(a -> {
          assertThat(a.kind()).isEqualTo(AlertKind.CALL_LOST_ON_RESTART);
          assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        });
    assertThat(fx.summaryJson(call)).contains("\"outcome\":\"LOST_ON_RESTART\"",
        "\"recovered\":true");
  }

  @Test
  void recoverAllTakesBackEveryCallTheStoreReportsInProgress() {
    fx.store.addInProgress(saved(RESOLVING, RESOLVING, Map.of(Leg.CUSTOMER, CUSTOMER_DIALOG,
        Leg.AGENT, AGENT_DIALOG)));
    List<Effect> effects = fx.engine.recoverAll(fx.store);
    assertThat(EngineFixture.only(effects, SipCommand.ProbeLeg.class)).hasSize(2);
    assertThat(fx.state(call)).isEqualTo(RECOVERING);
  }

  @Test
  void recoveringACallTwiceIsRefusedAndTheFirstRecoveryGoesOn() {
    fx.engine.recover(saved(RESOLVING, RESOLVING, Map.of(Leg.CUSTOMER, CUSTOMER_DIALOG,
        Leg.AGENT, AGENT_DIALOG)));
    assertThatThrownBy(() -> fx.engine.recover(saved(RESOLVING, RESOLVING, Map.of())))
        .isInstanceOfSatisfying(CallFlowException.class, e -> assertThat(e.reason())
            .isEqualTo(CallFlowException.Reason.DUPLICATE_CALL));
    assertThat(fx.state(call)).isEqualTo(RECOVERING);
  }

  @Test
  void anEndedCallCannotBeRecovered() {
    assertThatThrownBy(() -> fx.engine.recover(saved(ENDED, null, Map.of())))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("c-restart").hasMessageContaining("only a call in progress");
    assertThat(fx.engine.view(call)).isEmpty();
  }

  @Test
  void aProbeAnswerForACallNotBeingRecoveredIsRefused() {
    CallId live = fx.callAt("c-live", RESOLVING);
    assertThatThrownBy(() -> fx.send(new SipEvent.LegAlive(live, Leg.CUSTOMER)))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("the call is not being recovered");
  }
}
