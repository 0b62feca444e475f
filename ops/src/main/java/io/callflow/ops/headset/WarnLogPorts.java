package io.callflow.ops.headset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ports' stand-ins until the alert dispatcher and the agent console are connected: one
 * WARN line each, with fault id, type, agent, site and seat (no phone numbers exist in a
 * headset fault, so nothing needs masking).
 */
final class WarnLogPorts {

  private static final Logger log = LoggerFactory.getLogger(WarnLogPorts.class);

  private WarnLogPorts() {}

  static SupervisorAlerts supervisorAlerts() {
    return fault -> log.warn("headset fault {} {} for agent {} at {}/{}: {}; evidence: {}", fault.id(), fault.type(),
        fault.agentId(), fault.site(), fault.seat(), fault.description(), fault.evidence());
  }

  static AgentPrompts agentPrompts() {
    return (agentId, troubleshooting) -> log.warn("headset fault mid-call for agent {}; tell the agent: {}",
        agentId, String.join(" / ", troubleshooting));
  }
}
