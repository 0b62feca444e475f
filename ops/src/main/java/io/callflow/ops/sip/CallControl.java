package io.callflow.ops.sip;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.policy.DropCauseTable;
import io.callflow.core.time.Scheduler;
import io.callflow.ops.config.B2buaConfig;
import io.callflow.ops.config.Secrets;
import io.callflow.ops.config.SipConfig;
import io.callflow.sip.b2bua.AgentPool;
import io.callflow.sip.b2bua.call.B2bua;
import io.callflow.sip.b2bua.call.B2buaSettings;
import io.callflow.sip.b2bua.call.LegSnapshotTaken;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.b2bua.recovery.LegProber;
import io.callflow.sip.b2bua.recovery.ProbeLegCommands;
import io.callflow.sip.b2bua.registrar.Registrar;
import io.callflow.sip.b2bua.registrar.RegistrarSettings;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.ua.LineListener;
import io.callflow.sip.ua.LineState;
import io.callflow.sip.ua.OptionsResponder;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's call control, as the {@code b2bua} section turns it on: the B2BUA (INVITE and
 * its dialogs), the registrar for agent phones (registrar mode), and the restart probes of saved
 * legs. It carries out core's SIP commands; a command nothing here can carry out goes to
 * {@code unrouted}, which counts it, so none is dropped silently.
 */
public final class CallControl {

  private static final Logger LOG = LoggerFactory.getLogger(CallControl.class);

  private final B2bua b2bua;
  private final Registrar registrar;
  private final LineFailureOnCalls events;
  private final Consumer<SipCommand> unrouted;
  private volatile ProbeLegCommands probes;

  private CallControl(B2bua b2bua, Registrar registrar, LineFailureOnCalls events, Consumer<SipCommand> unrouted) {
    this.b2bua = b2bua;
    this.registrar = registrar;
    this.events = events;
    this.unrouted = unrouted;
  }

  /**
   * Builds what the config turns on; nothing runs until {@link #attach}.
   *
   * @param events where core hears about calls; must be thread-safe and must not block
   * @throws io.callflow.ops.config.ConfigException naming the key a setting cannot be mapped from
   */
  public static CallControl create(B2buaConfig config, SipConfig sip, DropCauseTable causes, Secrets secrets,
      Scheduler scheduler, MeterRegistry registry, Consumer<SipEvent> core, Consumer<SipCommand> unrouted) {
    Optional<B2buaSettings> settings = B2buaSettingsMapping.settings(config, causes);
    LineFailureOnCalls events = new LineFailureOnCalls(core, legLines(config, sip));
    Optional<RegistrarSettings> phones = B2buaSettingsMapping.registrar(config);
    AgentPool pool = phones.isPresent() ? new AgentPool(scheduler, B2buaSettingsMapping.agentPool(config)) : null;
    Registrar registrar = phones.map(r -> new Registrar(r, secrets::get, pool, scheduler, registry)).orElse(null);
    B2bua b2bua = settings.map(s -> new B2bua(s, pool, scheduler, registry, events)).orElse(null);
    if (b2bua != null) {
      b2bua.transferSettings(B2buaSettingsMapping.transfer(config));
      b2bua.limitCalls(config.maxCalls());
    }
    return new CallControl(b2bua, registrar, events, unrouted);
  }

  /** The monitored line each leg runs over: the trunk for the customer, the next hop's peer for the agent. */
  private static Map<Leg, String> legLines(B2buaConfig config, SipConfig sip) {
    Map<Leg, String> lines = new EnumMap<>(Leg.class);
    B2buaSettingsMapping.trunk(config, sip).ifPresent(peer -> lines.put(Leg.CUSTOMER, peer.name()));
    Optional<String> nextHop = UriHostPort.parse(config.nextHop()).map(UriHostPort::hostPort);
    sip.peers().stream()
        .filter(peer -> nextHop.isPresent() && UriHostPort.parse(peer.uri()).map(UriHostPort::hostPort).equals(nextHop))
        .findFirst()
        .ifPresent(peer -> lines.put(Leg.AGENT, peer.name()));
    return lines;
  }

  /** Line changes for the calls on the line: pass the keep-alives' changes here. */
  public LineListener lineListener() {
    return events;
  }

  /** Where the keep-alives' line states are read (by peer name), once SIP runs. */
  public void readLineStates(Function<String, LineState> states) {
    events.readStatesFrom(states);
  }

  /** Starts sending through {@code stack}; call once, after the stack started. */
  public void attach(SipStack stack) {
    if (b2bua != null) {
      b2bua.attach(stack);
    }
    probes = new ProbeLegCommands(new LegProber(stack), events, this::restored, this::gone);
  }

  /**
   * Saves each B2BUA leg's snapshot (when confirmed and when it changes) through
   * {@code recorder}, so a restart can probe and restore the call's legs. Call before
   * {@link #attach}.
   */
  public void saveLegSnapshots(Consumer<LegSnapshotTaken> recorder) {
    if (b2bua != null) {
      b2bua.legSnapshots(recorder);
    }
  }

  /**
   * New calls are refused with 503 and the overload's Retry-After while it is active
   * ({@link B2bua#refuseNewCallsWhile}); {@code why} is logged.
   */
  public void refuseNewCallsWhile(OptionsResponder.Overload overload, String why) {
    if (b2bua != null) {
      b2bua.refuseNewCallsWhile(overload, why);
    }
  }

  /** The B2BUA, when {@code b2bua.routing} is not none. */
  public Optional<B2bua> b2bua() {
    return Optional.ofNullable(b2bua);
  }

  /** The registrar, in registrar mode. */
  public Optional<Registrar> registrar() {
    return Optional.ofNullable(registrar);
  }

  /** Core's SIP command: to the part that carries it out, else counted as unrouted. */
  public void execute(SipCommand command) {
    ProbeLegCommands probing = probes;
    if (command instanceof SipCommand.ProbeLeg probe && probing != null) {
      probing.execute(probe);
    } else if (b2bua != null && B2bua.carriesOut(command)) {
      b2bua.execute(command);
    } else {
      unrouted.accept(command);
    }
  }

  /** A leg that answered its restart probe goes back into its call (before core hears LegAlive). */
  private void restored(CallId callId, BridgedLeg leg) {
    LOG.info("call {}: {} leg answered its restart probe", callId, leg.role());
    if (b2bua == null) {
      LOG.warn("call {}: {} leg restored but b2bua.routing is none: nothing holds it", callId, leg.role());
      return;
    }
    b2bua.adopt(callId, leg);
  }

  /** A leg whose probe found it gone: kept down in its call so core's callback or redial can replace it. */
  private void gone(CallId callId, BridgedLeg leg) {
    LOG.info("call {}: {} leg did not answer its restart probe", callId, leg.role());
    if (b2bua != null) {
      b2bua.legGone(callId, leg);
    }
  }
}
