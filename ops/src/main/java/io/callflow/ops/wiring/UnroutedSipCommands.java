package io.callflow.ops.wiring;

import io.callflow.core.effect.SipCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP port while no SIP stack is wired: a command cannot be carried out, so it is logged
 * at WARN and counted in {@code callflow_sip_commands_unrouted_total{command}}, never dropped
 * silently. The command's type is the label; the call id is only in the log line.
 *
 * <p>{@link #whileStopping()} is the port once SIP has stopped for a shutdown: what the engine
 * still asks while it drains is expected then, logged at DEBUG and not counted, since the
 * counter means calls are not being controlled.
 */
public final class UnroutedSipCommands implements SipCommandPort {

  private static final Logger log = LoggerFactory.getLogger(UnroutedSipCommands.class);

  /** Null while stopping: nothing is counted then. */
  private final MeterRegistry registry;

  public UnroutedSipCommands(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  private UnroutedSipCommands() {
    this.registry = null;
  }

  /** The port after SIP stopped for a shutdown. */
  public static UnroutedSipCommands whileStopping() {
    return new UnroutedSipCommands();
  }

  @Override
  public void send(SipCommand command) {
    String name = command.getClass().getSimpleName();
    if (registry == null) {
      log.debug("call {}: SIP command {} not carried out: the service is stopping", command.callId(), name);
      return;
    }
    Counter.builder("callflow_sip_commands_unrouted")
        .description("SIP commands that could not be carried out because no SIP stack is wired")
        .tag("command", name)
        .register(registry)
        .increment();
    log.warn("call {}: SIP command {} not carried out: no SIP stack is wired", command.callId(), name);
  }
}
