package io.callflow.ops.headset;

import io.callflow.headset.fault.Fault;
import io.callflow.headset.health.Severity;
import io.callflow.ops.console.AgentConsoleHub;
import io.callflow.ops.console.ConsoleEffects;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The headset monitor's fault events routed to people in the running service:
 *
 * <ul>
 *   <li>supervisors (procedure 4.3 d): the WARN line of {@link WarnLogPorts}, and counted with
 *       the call flow's alerts in {@code callflow_alerts_total{kind="HEADSET_<TYPE>",severity}}
 *       (a FAULT is CRITICAL, a DEGRADED condition a WARNING), so the same alert rules see both;
 *   <li>the agent (4.3 b, e): a headset-fault banner with the first-line fixes on their console,
 *       tied to the call they handle;
 *   <li>"in a call" is what the console knows: a call is routed to the agent.
 * </ul>
 */
public final class HeadsetRouting {

  private HeadsetRouting() {}

  public static HeadsetAlerts alerts(ConsoleEffects console, AgentConsoleHub hub, MeterRegistry registry) {
    SupervisorAlerts log = WarnLogPorts.supervisorAlerts();
    SupervisorAlerts supervisors = fault -> {
      log.alert(fault);
      counter(registry, fault).increment();
    };
    AgentPrompts agents = (agentId, fixes) ->
        console.headsetFault(agentId, hub.callOf(agentId).orElse(null), String.join(" / ", fixes));
    return new HeadsetAlerts(supervisors, agents, agentId -> hub.callOf(agentId).isPresent());
  }

  private static Counter counter(MeterRegistry registry, Fault fault) {
    // Same name, description and labels as the call flow's alert counter (ops.wiring).
    return Counter.builder("callflow_alerts")
        .description("Supervisor and technical-support alerts raised by the call flow")
        .tag("kind", "HEADSET_" + fault.type().name().toUpperCase(Locale.ROOT))
        .tag("severity", fault.severity() == Severity.FAULT ? "CRITICAL" : "WARNING")
        .register(registry);
  }
}
