package io.callflow.ops.wiring;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.DataMasking;
import io.callflow.core.effect.TechnicalSupportAlert;

/**
 * What the agent's console must show: the agent console implements it. Called from the thread
 * that handled the event or fired the timer; an implementation must not block. A prompt for a
 * call recovered after a restart has no agent id yet: route it by call id.
 */
public interface AgentNotifier {

  /** The next thing to say or do, from the prompt script. */
  void prompt(AgentPrompt prompt);

  /** Mask or unmask the customer's data while sensitive information is given (3.2 a). */
  void masking(DataMasking masking);

  /** Technical support has been alerted about this agent's call (3.3 b). */
  void technicalAlert(TechnicalSupportAlert alert);
}
