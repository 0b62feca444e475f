package io.callflow.ops.headset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ports' stand-ins until the alert dispatcher and the agent console are connected: one
 * WARN line each, with fault id, agent, site, seat and the fixed description of the fault
 * type. The evidence is left out: it may quote the agent's free-text note, which could hold
 * a caller's number; supervisors read it through {@code GET /api/headset/faults}.
 */
final class WarnLogPorts {

  private static final Logger log = LoggerFactory.getLogger(WarnLogPorts.class);

  private WarnLogPorts() {}

  static SupervisorAlerts supervisorAlerts() {
    return fault -> log.warn("headset fault {} for agent {} at {}/{}: {}", fault.id(), fault.agentId(), fault.site(),
        fault.seat(), fault.description());
  }

  static AgentPrompts agentPrompts() {
    return (agentId, troubleshooting) -> log.warn("headset fault mid-call for agent {}; tell the agent: {}",
        agentId, String.join(" / ", troubleshooting));
  }
}
