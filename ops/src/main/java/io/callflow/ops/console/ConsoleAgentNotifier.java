package io.callflow.ops.console;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.DataMasking;
import io.callflow.core.effect.TechnicalSupportAlert;
import io.callflow.ops.wiring.AgentNotifier;
import java.util.List;

/**
 * The call flow's agent port on the consoles: each prompt (with the banner it raises or
 * clears), masking change and technical-support notice goes to the tabs of the agent handling
 * the call, followed by the call's new state.
 */
public final class ConsoleAgentNotifier implements AgentNotifier {

  private final ConsoleEffects console;

  public ConsoleAgentNotifier(ConsoleEffects console) {
    this.console = console;
  }

  @Override
  public void prompt(AgentPrompt prompt) {
    console.deliverAll(List.of(prompt));
  }

  @Override
  public void masking(DataMasking masking) {
    console.deliverAll(List.of(masking));
  }

  @Override
  public void technicalAlert(TechnicalSupportAlert alert) {
    console.deliverAll(List.of(alert));
  }
}
