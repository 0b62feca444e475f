package io.callflow.ops.wiring;

import io.callflow.core.effect.SipCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP port while no SIP stack is wired: a command cannot be carried out, so it is logged
 * at WARN and counted in {@code callflow_sip_commands_unrouted_total{command}}, never dropped
 * silently. The command's type is the label; the call id is only in the log line.
 */
public final class UnroutedSipCommands implements SipCommandPort {

  private static final Logger log = LoggerFactory.getLogger(UnroutedSipCommands.class);

  private final MeterRegistry registry;

  public UnroutedSipCommands(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void send(SipCommand command) {
    String name = command.getClass().getSimpleName();
    Counter.builder("callflow_sip_commands_unrouted")
        .description("SIP commands that could not be carried out because no SIP stack is wired")
        .tag("command", name)
        .register(registry)
        .increment();
    log.warn("call {}: SIP command {} not carried out: no SIP stack is wired", command.callId(), name);
  }
}
