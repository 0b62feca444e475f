package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.CONFIRMING;
import static io.callflow.core.flow.CallState.DROPPED;
import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.GREETING;
import static io.callflow.core.flow.CallState.RECONNECTING;
import static io.callflow.core.flow.CallState.RESOLVING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.effect.AlertKind;
import io.callflow.core.effect.Effect;
import io.callflow.core.effect.SipCommand;
import io.callflow.core.effect.SupervisorAlert;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.policy.ReconnectPolicy;
import io.callflow.core.policy.ReconnectTarget;
import io.callflow.core.script.PromptKey;
import io.callflow.core.store.CallRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectTest {

  /** Q.850 cause 41, temporary failure: a drop by the default table. */
  private static final int TEMPORARY_FAILURE = 41;

  private final ReconnectPolicy policy = new ReconnectPolicy(3,
      List.of(Duration.ZERO, Duration.ofSeconds(5)), Duration.ofSeconds(20),
      ReconnectTarget.DROPPED_LEG, "+44 20 7946 0000");
  private final EngineFixture fx = new EngineFixture(CallFlowSettings.defaults()
      .withReconnect(policy).withHeartbeatTimeout(Duration.ZERO));

  @Test
  void aCustomerLegLostWithAFailureCauseIsReconnectedAtOnce() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, TEMPORARY_FAILURE,
        "BYE with Reason Q.850 41"));

    assertThat(fx.store.statesOf(call)).endsWith(DROPPED, RECONNECTING);
    assertThat(effects).containsSubsequence(new SipCommand.HoldLeg(call, Leg.AGENT),
        new SipCommand.CallCustomerBack(call, "+44 20 7946 0000", 1));
    assertThat(EngineFixture.prompts(effects)).containsExactly(PromptKey.DROPPED,
        PromptKey.RECONNECT_ATTEMPT);
    assertThat(fx.view(call).resumeStep()).isEqualTo(RESOLVING);
  }

  @Test
  void aSuccessfulReconnectResumesAtTheSavedStep() {
    CallId call = fx.callAt("c-1", CONFIRMING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, TEMPORARY_FAILURE, null));
    List<Effect> effects = fx.send(new SipEvent.Reconnected(call, Leg.CUSTOMER));

    assertThat(fx.state(call)).isEqualTo(CONFIRMING);
    assertThat(EngineFixture.prompts(effects)).containsExactly(PromptKey.RECONNECT_SUCCEEDED);
    assertThat(fx.store.of(call, CallRecord.Audited.class))
        .anyMatch(a -> a.action().equals("reconnect") && a.outcome().equals("succeeded"));
    fx.complete(call);
    fx.complete(call);
    assertThat(fx.summaryJson(call)).contains("\"outcome\":\"COMPLETED\"")
        .contains("\"DROPPED\":0", "\"RECONNECTING\":0");
  }

  @Test
  void attemptsFollowThePolicysDelaysAndTheCallEndsWhenTheyAreExhausted() {
    CallId call = fx.callAt("c-1", GREETING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, TEMPORARY_FAILURE, null));
    fx.send(new SipEvent.ReconnectFailed(call, Leg.CUSTOMER, "486 Busy Here"));
    assertThat(fx.timerEffects).isEmpty();

    fx.advance(Duration.ofSeconds(5));
    assertThat(EngineFixture.only(fx.timerEffects, SipCommand.CallCustomerBack.class))
        .extracting(SipCommand.CallCustomerBack::attempt).containsExactly(2);
    fx.advance(policy.attemptTimeout());
    fx.advance(Duration.ofSeconds(5));
    assertThat(EngineFixture.only(fx.timerEffects, SipCommand.CallCustomerBack.class))
        .extracting(SipCommand.CallCustomerBack::attempt).containsExactly(2, 3);
    fx.advance(policy.attemptTimeout());

    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(fx.timerEffects).contains(new SipCommand.HangUp(call));
    assertThat(EngineFixture.only(fx.timerEffects, SupervisorAlert.class)).singleElement()
        .extracting(SupervisorAlert::kind).isEqualTo(AlertKind.RECONNECT_FAILED);
    assertThat(EngineFixture.prompts(fx.timerEffects)).contains(PromptKey.RECONNECT_EXHAUSTED);
    assertThat(fx.store.of(call, CallRecord.Audited.class))
        .filteredOn(a -> a.action().equals("reconnect-attempt") && a.outcome().equals("failed"))
        .hasSize(3);
    assertThat(fx.summaryJson(call)).contains("\"outcome\":\"RECONNECT_FAILED\"");
  }

  @Test
  void aLostAgentLegIsRedialledWhileTheCustomerIsHeld() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new SipEvent.LegEnded(call, Leg.AGENT, 27, null));
    assertThat(effects).contains(new SipCommand.HoldLeg(call, Leg.CUSTOMER),
        new SipCommand.RedialAgent(call, EngineFixture.AGENT, "+44 20 7946 0000", 1));
  }

  @Test
  void theAgentPressingCallDroppedStartsTheSameProcedure() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new AgentEvent.DropReported(call, Leg.CUSTOMER));
    assertThat(fx.state(call)).isEqualTo(RECONNECTING);
    assertThat(effects).contains(new SipCommand.CallCustomerBack(call, "+44 20 7946 0000", 1));
  }

  @Test
  void aNormalClearingCauseIsAHangupNotADrop() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, 16, null));
    assertThat(fx.store.statesOf(call)).doesNotContain(DROPPED).endsWith(ENDED);
  }

  @Test
  void theSurvivingLegHangingUpDuringReconnectEndsTheCall() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, TEMPORARY_FAILURE, null));
    fx.send(new SipEvent.LegEnded(call, Leg.AGENT, 16, null));
    assertThat(fx.state(call)).isEqualTo(ENDED);
    fx.advance(Duration.ofMinutes(5));
    assertThat(fx.timerEffects).isEmpty();
  }

  @Test
  void aReconnectedEventWithoutAnAttemptIsRefused() {
    CallId call = fx.callAt("c-1", RESOLVING);
    assertThatThrownBy(() -> fx.send(new SipEvent.Reconnected(call, Leg.CUSTOMER)))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("no reconnect attempt is in progress");
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
  }

  @Test
  void aPartyAnsweringJustAfterTheAttemptTimedOutStillReconnectsTheCall() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, TEMPORARY_FAILURE, null));
    fx.advance(policy.attemptTimeout()); // attempt 1 given up here; attempt 2 waits 5 s

    List<Effect> effects = fx.send(new SipEvent.Reconnected(call, Leg.CUSTOMER));

    assertThat(fx.state(call)).isEqualTo(RESOLVING);
    assertThat(EngineFixture.prompts(effects)).containsExactly(PromptKey.RECONNECT_SUCCEEDED);
    fx.advance(Duration.ofMinutes(1));
    assertThat(EngineFixture.only(fx.timerEffects, SipCommand.CallCustomerBack.class))
        .as("no second attempt dials a customer who is back").isEmpty();
  }

  @Test
  void aLateFailureOfAnAttemptThatTimedOutIsRecordedAndChangesNothing() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, TEMPORARY_FAILURE, null));
    fx.advance(policy.attemptTimeout());

    List<Effect> effects = fx.send(new SipEvent.ReconnectFailed(call, Leg.CUSTOMER, "408 Request Timeout"));

    assertThat(effects).isEmpty();
    assertThat(fx.state(call)).isEqualTo(RECONNECTING);
    assertThat(fx.store.of(call, CallRecord.Audited.class))
        .filteredOn(a -> a.outcome().equals("late failure")).singleElement()
        .extracting(CallRecord.Audited::detail).isEqualTo("408 Request Timeout");
    fx.advance(Duration.ofSeconds(5));
    assertThat(EngineFixture.only(fx.timerEffects, SipCommand.CallCustomerBack.class))
        .extracting(SipCommand.CallCustomerBack::attempt).as("attempt 2 still goes").containsExactly(2);
  }
}
