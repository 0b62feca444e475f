package io.callflow.ops.headset;

import io.callflow.headset.fault.Fault;
import io.callflow.headset.fault.FaultListener;
import io.callflow.headset.fault.HealthChange;
import io.callflow.headset.health.HealthState;
import java.util.List;

/**
 * Routes the monitor's fault events to people: every raised, escalated or reopened fault to
 * the supervisors (procedure 4.3 d); a headset that goes to FAULT while its agent is in a
 * call to that agent, with the first-line fix of each active fault (4.3 b, e). Cleared faults
 * and status changes go nowhere: supervisors see them in {@code GET /api/headset/faults}.
 */
public final class HeadsetAlerts implements FaultListener {

  private final SupervisorAlerts supervisors;
  private final AgentPrompts agents;
  private final AgentsInCall inCall;

  public HeadsetAlerts(SupervisorAlerts supervisors, AgentPrompts agents, AgentsInCall inCall) {
    this.supervisors = supervisors;
    this.agents = agents;
    this.inCall = inCall;
  }

  /** Both ports log at WARN: for a deployment whose alert dispatcher and console are not connected yet. */
  public static HeadsetAlerts loggingOnly(AgentsInCall inCall) {
    return new HeadsetAlerts(WarnLogPorts.supervisorAlerts(), WarnLogPorts.agentPrompts(), inCall);
  }

  @Override
  public void onFault(Fault fault) {
    supervisors.alert(fault);
  }

  @Override
  public void onCleared(Fault fault) {
    // The fault stays listed until someone closes it; nobody needs interrupting.
  }

  @Override
  public void onHealthChanged(HealthChange change) {
    if (change.to() != HealthState.FAULT || !inCall.inCall(change.agentId())) {
      return;
    }
    List<String> fixes = change.activeFaults().stream().map(Fault::troubleshooting).distinct().toList();
    if (!fixes.isEmpty()) {
      agents.prompt(change.agentId(), fixes);
    }
  }
}
