package io.callflow.ops.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.AlertKind;
import io.callflow.core.effect.DataMasking;
import io.callflow.core.effect.Severity;
import io.callflow.core.effect.SipCommand;
import io.callflow.core.effect.SupervisorAlert;
import io.callflow.core.effect.TechnicalSupportAlert;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.script.PromptKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectDispatcherTest {

  private static final CallId CALL = new CallId("c-1");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Object> shown = new ArrayList<>();
  private final AgentNotifier console = new AgentNotifier() {
    @Override
    public void prompt(AgentPrompt prompt) {
      shown.add(prompt);
    }

    @Override
    public void masking(DataMasking masking) {
      shown.add(masking);
    }

    @Override
    public void technicalAlert(TechnicalSupportAlert alert) {
      shown.add(alert);
    }
  };

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void sipCommandsWithoutASipStackAreCountedAsUnroutedByCommand() {
    EffectDispatcher dispatcher = new EffectDispatcher(new UnroutedSipCommands(registry), console, registry);

    dispatcher.accept(List.of(new SipCommand.HangUp(CALL), new SipCommand.HoldLeg(CALL, Leg.AGENT),
        new SipCommand.HangUp(new CallId("c-2"))));

    assertThat(count("callflow_sip_commands_unrouted", "command", "HangUp")).isEqualTo(2);
    assertThat(count("callflow_sip_commands_unrouted", "command", "HoldLeg")).isEqualTo(1);
  }

  @Test
  void eachEffectGoesToItsPortInOrderAndAlertsAreCountedByKindAndSeverity() {
    List<SipCommand> sent = new ArrayList<>();
    EffectDispatcher dispatcher = new EffectDispatcher(sent::add, console, registry);
    AgentPrompt prompt = new AgentPrompt(CALL, "agent-7", PromptKey.values()[0], "Greet the customer.");
    TechnicalSupportAlert tech = new TechnicalSupportAlert(CALL, "agent-7", AlertKind.SYSTEM_FAILURE, "console lost");

    dispatcher.accept(List.of(new SipCommand.PauseRecording(CALL), prompt, new DataMasking(CALL, true),
        new SupervisorAlert(CALL, AlertKind.EMERGENCY, Severity.CRITICAL, "emergency"), tech));

    assertThat(sent).containsExactly(new SipCommand.PauseRecording(CALL));
    assertThat(shown).containsExactly(prompt, new DataMasking(CALL, true), tech);
    assertThat(count("callflow_alerts", "kind", "EMERGENCY", "severity", "CRITICAL")).isEqualTo(1);
    assertThat(count("callflow_alerts", "kind", "SYSTEM_FAILURE", "severity", "TECHNICAL_SUPPORT")).isEqualTo(1);
  }

  @Test
  void aPortThatFailsDoesNotStopTheEffectsAfterIt() {
    List<SipCommand> sent = new ArrayList<>();
    EffectDispatcher dispatcher = new EffectDispatcher(sent::add, new AgentNotifier() {
      @Override
      public void prompt(AgentPrompt prompt) {
        throw new IllegalStateException("console gone");
      }

      @Override
      public void masking(DataMasking masking) {
        shown.add(masking);
      }

      @Override
      public void technicalAlert(TechnicalSupportAlert alert) {
        shown.add(alert);
      }
    }, registry);

    dispatcher.accept(List.of(new AgentPrompt(CALL, "agent-7", PromptKey.values()[0], "x"),
        new SipCommand.HangUp(CALL)));

    assertThat(sent).containsExactly(new SipCommand.HangUp(CALL));
  }
}
