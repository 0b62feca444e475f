package io.callflow.ops.headset;

import java.util.List;

/**
 * Shows the agent what to try when their headset goes to FAULT mid-call (procedure 4.3 b,
 * e): the agent console in production. Called outside the monitor's lock; must not block.
 */
@FunctionalInterface
public interface AgentPrompts {

  /**
   * @param agentId the agent to prompt
   * @param troubleshooting one first-line fix per active fault, in fault-type order
   */
  void prompt(String agentId, List<String> troubleshooting);
}
