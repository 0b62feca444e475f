package io.callflow.ops.wiring;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.DataMasking;
import io.callflow.core.effect.TechnicalSupportAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agent port while no console is wired: logs what the agent would have been shown. */
public final class LoggingAgentNotifier implements AgentNotifier {

  private static final Logger log = LoggerFactory.getLogger(LoggingAgentNotifier.class);

  @Override
  public void prompt(AgentPrompt prompt) {
    log.info("call {}: prompt {} for agent {}: {}", prompt.callId(), prompt.key(), prompt.agentId(),
        prompt.text());
  }

  @Override
  public void masking(DataMasking masking) {
    log.info("call {}: customer data {}", masking.callId(), masking.masked() ? "masked" : "unmasked");
  }

  @Override
  public void technicalAlert(TechnicalSupportAlert alert) {
    log.info("call {}: agent {} told technical support was alerted ({})", alert.callId(),
        alert.agentId(), alert.kind());
  }
}
