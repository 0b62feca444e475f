package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.COLLECTING_INFO;
import static io.callflow.core.flow.CallState.LINE_FAILURE;
import static io.callflow.core.flow.CallState.RESOLVING;
import static io.callflow.core.flow.CallState.SYSTEM_FAILURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.AlertKind;
import io.callflow.core.effect.Effect;
import io.callflow.core.effect.Severity;
import io.callflow.core.effect.SipCommand;
import io.callflow.core.effect.SupervisorAlert;
import io.callflow.core.effect.TechnicalSupportAlert;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.script.PromptKey;
import io.callflow.core.store.CallRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbnormalProceduresTest {

  private final EngineFixture fx = new EngineFixture();
  private final Duration heartbeatTimeout = CallFlowSettings.defaults().heartbeatTimeout();

  @Test
  void aLineFailureAlertsTheSupervisorAtOnceAndPointsTheAgentToOtherChannels() {
    CallId call = fx.callAt("c-1", COLLECTING_INFO);
    List<Effect> effects = fx.send(new SipEvent.LineDown(call, "trunk-1"));

    assertThat(fx.state(call)).isEqualTo(LINE_FAILURE);
    assertThat(EngineFixture.only(effects, SupervisorAlert.class)).singleElement()
        .satisfies(a -> {
          assertThat(a.kind()).isEqualTo(AlertKind.LINE_FAILURE);
          assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        });
    assertThat(effects).contains(new SipCommand.RefuseNewCalls(call, "trunk-1", true));
    assertThat(EngineFixture.only(effects, AgentPrompt.class)).singleElement()
        .extracting(AgentPrompt::text).asString().contains("web chat, email");
  }

  @Test
  void theLineComingBackReturnsToTheStepAndAcceptsNewCallsAgain() {
    CallId call = fx.callAt("c-1", COLLECTING_INFO);
    fx.send(new SipEvent.LineDown(call, "trunk-1"));
    List<Effect> effects = fx.send(new SipEvent.LineUp(call, "trunk-1"));
    assertThat(fx.state(call)).isEqualTo(COLLECTING_INFO);
    assertThat(effects).contains(new SipCommand.RefuseNewCalls(call, "trunk-1", false));
    assertThat(EngineFixture.prompts(effects)).containsExactly(PromptKey.LINE_RESTORED);
  }

  @Test
  void aReportedSystemFailureKeepsTheCallAndCallsTechnicalSupport() {
    CallId call = fx.callAt("c-1", RESOLVING);
    List<Effect> effects = fx.send(new AgentEvent.SystemFailureReported(call, "screen frozen"));

    assertThat(fx.state(call)).isEqualTo(SYSTEM_FAILURE);
    assertThat(effects).noneMatch(SipCommand.class::isInstance);
    assertThat(EngineFixture.only(effects, TechnicalSupportAlert.class)).singleElement()
        .extracting(TechnicalSupportAlert::message).asString().contains("screen frozen");
    assertThat(EngineFixture.prompts(effects)).containsExactly(PromptKey.SYSTEM_FAILURE);
    assertThat(fx.store.of(call, CallRecord.Audited.class))
        .anyMatch(a -> a.action().equals("system-failure") && a.outcome().equals("reported"));
    fx.send(new AgentEvent.ProcedureFinished(call, "rebooted"));
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
  }

  @Test
  void aConsoleWhoseHeartbeatStopsMidCallIsASystemFailure() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.advance(heartbeatTimeout);

    assertThat(fx.state(call)).isEqualTo(SYSTEM_FAILURE);
    assertThat(EngineFixture.only(fx.timerEffects, TechnicalSupportAlert.class)).hasSize(1);
    assertThat(fx.store.of(call, CallRecord.Audited.class))
        .anyMatch(a -> a.action().equals("system-failure") && a.outcome().equals("detected"));
  }

  @Test
  void regularHeartbeatsKeepTheCallOutOfSystemFailure() {
    CallId call = fx.callAt("c-1", RESOLVING);
    for (int i = 0; i < 10; i++) {
      fx.advance(heartbeatTimeout.dividedBy(2));
      fx.send(new AgentEvent.Heartbeat(call));
    }
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
    assertThat(fx.timerEffects).isEmpty();
  }

  @Test
  void heartbeatsComingBackAfterALossReturnTheCallToItsStep() {
    CallId call = fx.callAt("c-1", RESOLVING);
    fx.advance(heartbeatTimeout);
    List<Effect> effects = fx.send(new AgentEvent.Heartbeat(call));
    assertThat(fx.state(call)).isEqualTo(RESOLVING);
    assertThat(EngineFixture.prompts(effects)).containsExactly(PromptKey.SYSTEM_RESTORED);
  }

  @Test
  void aHeartbeatTimeoutOfZeroTurnsTheWatchOff() {
    EngineFixture quiet = new EngineFixture(CallFlowSettings.defaults()
        .withHeartbeatTimeout(Duration.ZERO));
    CallId call = quiet.callAt("c-1", RESOLVING);
    quiet.advance(Duration.ofHours(1));
    assertThat(quiet.state(call)).isEqualTo(RESOLVING);
  }

  @Test
  void aLineUpForACallWithoutLineFailureIsRefused() {
    CallId call = fx.callAt("c-1", RESOLVING);
    assertThatThrownBy(() -> fx.send(new SipEvent.LineUp(call, "trunk-1")))
        .isInstanceOf(CallFlowException.class)
        .hasMessageContaining("c-1").hasMessageContaining("RESOLVING")
        .hasMessageContaining("LineUp");
  }
}
