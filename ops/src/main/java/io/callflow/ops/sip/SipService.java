package io.callflow.ops.sip;

import io.callflow.core.time.Scheduler;
import io.callflow.headset.quality.QualityReportInbox;
import io.callflow.ops.config.SipConfig;
import io.callflow.ops.config.Secrets;
import io.callflow.sip.edge.EdgePolicy;
import io.callflow.sip.metrics.LineStateMetrics;
import io.callflow.sip.metrics.RegistrationMetrics;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.LocalEndpoint;
import io.callflow.sip.stack.SipEdge;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.transport.SipMetrics;
import io.callflow.sip.ua.LineListener;
import io.callflow.sip.ua.LineState;
import io.callflow.sip.ua.OptionsProbeMessages;
import io.callflow.sip.ua.OptionsResponder;
import io.callflow.sip.ua.PeerLineMonitor;
import io.callflow.sip.ua.RegisterClient;
import io.callflow.sip.ua.RegisterMessages;
import io.callflow.sip.ua.TransactionOptionsProber;
import io.callflow.sip.ua.TransactionRegisterTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.IoEventLoopGroup;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's SIP side: the {@link SipStack} built from the {@code sip} config section on
 * the shared event loops and the Prometheus registry, every inbound request checked against
 * the edge policy ({@code sip.allow.*}, {@code sip.refusal}, {@code sip.rateLimit.*}) before
 * it reaches {@link ServiceApplication}; an OPTIONS keep-alive per configured peer
 * ({@code sip.peers}) reporting to a {@link LineListener}; a REGISTER client per configured
 * account ({@code sip.register}), its password from the environment variable the account names.
 *
 * <p>Close it before the event loops: it stops the probes, removes the registrations
 * (best effort: the REGISTER with Expires 0 goes out while the transports close) and closes
 * the transports.
 */
public final class SipService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SipService.class);

  /**
   * What the SIP side needs from the rest of the service.
   *
   * @param quality the headset monitor's inbox for vq-rtcpxr PUBLISH
   * @param knownAgent whether a From user part names an agent the service knows
   * @param draining true once the service drains: OPTIONS then answers 503
   * @param overload while it holds, new calls are refused and OPTIONS answers 503 too (only
   *     when call routing is on: see {@link #start})
   * @param lines where line up/down goes after it is logged and counted
   */
  public record Ports(QualityReportInbox quality, Predicate<String> knownAgent, BooleanSupplier draining,
      OptionsResponder.Overload overload, LineListener lines) {}

  private final SipStack stack;
  private final List<PeerLineMonitor> monitors;
  private final List<RegisterClient> registrations;

  private SipService(SipStack stack, List<PeerLineMonitor> monitors, List<RegisterClient> registrations) {
    this.stack = stack;
    this.monitors = monitors;
    this.registrations = registrations;
  }

  /**
   * Binds the SIP ports and starts the keep-alives and registrations.
   *
   * @throws io.callflow.ops.config.ConfigException when a setting cannot be mapped, naming the key
   * @throws IllegalStateException naming the address when a port cannot be bound
   */
  public static SipService start(SipConfig config, Secrets secrets, IoEventLoopGroup loops,
      MeterRegistry registry, Scheduler scheduler, Ports ports, CallControl calls) {
    SecureRandom random = new SecureRandom();
    // OPTIONS reports an overload only where it refuses calls: with b2bua.routing none every
    // INVITE is refused anyway, and a 503 would only make a PBX or dispatcher mark the node
    // down for the phones' PUBLISH and REGISTER as well.
    OptionsResponder.Overload overload = calls.b2bua().isPresent() ? ports.overload() : OptionsResponder.Overload.NEVER;
    ServiceApplication application = new ServiceApplication(
        new OptionsResponder(SipSettingsMapping.options(config), ports.draining(), overload, random),
        new QualityPublish(ports.quality(), ports.knownAgent()), calls);
    SipEdge edge = new SipEdge(new EdgePolicy(SipSettingsMapping.edge(config), scheduler.clock()));
    SipStack stack = startStack(config, application, registry, loops, edge);
    try {
      calls.attach(stack);
      List<PeerLineMonitor> monitors = keepAlives(config, stack, registry, scheduler, ports.lines(), random);
      // Any request the edge lets through from a peer's address proves its line is up.
      edge.onAllowedRequest(source -> monitors.forEach(monitor -> monitor.onRequestFrom(source)));
      return new SipService(stack, monitors, registrations(config, secrets, stack, registry, scheduler, random));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private static SipStack startStack(SipConfig config, ServiceApplication application, MeterRegistry registry,
      IoEventLoopGroup loops, SipEdge edge) {
    try {
      return SipStack.start(SipSettingsMapping.stack(config), application, registry, new SipMessageMetrics(),
          new SipMetrics(registry), loops, edge);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding the SIP ports", e);
    }
  }

  private static List<PeerLineMonitor> keepAlives(SipConfig config, SipStack stack, MeterRegistry registry,
      Scheduler scheduler, LineListener next, SecureRandom random) {
    LineListener lines = new LoggedLineListener(registry, next);
    TransactionOptionsProber prober = new TransactionOptionsProber(stack::send,
        new OptionsProbeMessages(stack.endpoint("UDP"), random), "UDP");
    List<PeerLineMonitor> monitors = new ArrayList<>();
    for (int i = 0; i < config.peers().size(); i++) {
      SipConfig.Peer peer = config.peers().get(i);
      // One monitor per peer: interval, timeout and threshold are set per peer.
      PeerLineMonitor monitor = new PeerLineMonitor(List.of(SipSettingsMapping.peer(peer, i)),
          SipSettingsMapping.keepAlive(peer, i), prober, scheduler, lines);
      new LineStateMetrics(monitor).bindTo(registry);
      monitors.add(monitor);
    }
    monitors.forEach(PeerLineMonitor::start);
    return monitors;
  }

  private static List<RegisterClient> registrations(SipConfig config, Secrets secrets, SipStack stack,
      MeterRegistry registry, Scheduler scheduler, SecureRandom random) {
    LocalEndpoint local = stack.endpoint("UDP");
    List<RegisterClient> clients = new ArrayList<>();
    for (int i = 0; i < config.register().size(); i++) {
      SipConfig.RegisterAccount account = config.register().get(i);
      clients.add(new RegisterClient(SipSettingsMapping.registration(account, i, local), secrets::get,
          new TransactionRegisterTransport(stack::send, new RegisterMessages(local, random),
              SipSettingsMapping.registrarHop(account, i)),
          scheduler,
          (name, from, to, detail) -> LOG.info("registration {}: {} -> {} ({})", name, from, to, detail),
          random));
    }
    new RegistrationMetrics(clients).bindTo(registry);
    clients.forEach(RegisterClient::start);
    return clients;
  }

  /** The keep-alive's state of the peer named {@code name} ({@code sip.peers[].name}); UNKNOWN for no such peer. */
  public LineState lineState(String name) {
    for (PeerLineMonitor monitor : monitors) {
      if (monitor.peers().stream().anyMatch(peer -> peer.name().equals(name))) {
        return monitor.state(name);
      }
    }
    return LineState.UNKNOWN;
  }

  /** Where the UDP transport listens (port 0 in config is never used; tests read the bound port here). */
  public InetSocketAddress udpAddress() {
    LocalEndpoint udp = stack.endpoint("UDP");
    return new InetSocketAddress(udp.host(), udp.port());
  }

  /** Where the TCP transport listens. */
  public InetSocketAddress tcpAddress() {
    LocalEndpoint tcp = stack.endpoint("TCP");
    return new InetSocketAddress(tcp.host(), tcp.port());
  }

  @Override
  public void close() {
    monitors.forEach(PeerLineMonitor::stop);
    registrations.forEach(RegisterClient::stop);
    stack.close();
  }
}
