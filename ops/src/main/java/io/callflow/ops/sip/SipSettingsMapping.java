package io.callflow.ops.sip;

import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.ConfigProblem;
import io.callflow.ops.config.SipConfig;
import io.callflow.sip.codec.SipLimits;
import io.callflow.sip.edge.AllowList;
import io.callflow.sip.edge.EdgeSettings;
import io.callflow.sip.edge.RateLimitSettings;
import io.callflow.sip.edge.RefusalMode;
import io.callflow.sip.stack.LocalEndpoint;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transport.SipTransportSettings;
import io.callflow.sip.transport.UdpSocketSettings;
import io.callflow.sip.ua.KeepAliveSettings;
import io.callflow.sip.ua.OptionsSettings;
import io.callflow.sip.ua.Peer;
import io.callflow.sip.ua.RegistrationSettings;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Maps the {@code sip} config section to the SIP stack's settings records. The config loader
 * has already checked types and ranges; what is left here (a peer URI whose host is not an IP
 * literal, a name the metrics cannot take) is a {@link ConfigException} naming the config key,
 * the value and the fix, never the stack's own setting names.
 */
public final class SipSettingsMapping {

  /** Names become metric label values: bounded and plain (sip-adapter's rule for line and registration). */
  private static final String NAME = "[A-Za-z0-9._-]{1,64}";

  private SipSettingsMapping() {}

  /**
   * Maps everything that needs no running stack (the stack, the edge, OPTIONS, each peer and
   * each registrar), so {@code check-config} refuses what start-up would refuse.
   *
   * @throws ConfigException naming the first key the stack cannot take
   */
  public static void check(SipConfig sip) {
    stack(sip);
    edge(sip);
    options(sip);
    for (int i = 0; i < sip.peers().size(); i++) {
      peer(sip.peers().get(i), i);
      keepAlive(sip.peers().get(i), i);
    }
    for (int i = 0; i < sip.register().size(); i++) {
      checkName("sip.register[" + i + "].name", sip.register().get(i).name());
      registrarHop(sip.register().get(i), i);
    }
  }

  /**
   * The stack: transports, advertised host, timers. {@code threads} is 1 because the service
   * passes its shared event-loop group, whose loops are the shards.
   */
  public static SipStackSettings stack(SipConfig sip) {
    SipTransportSettings transport = transport(sip);
    return mapped("sip.advertisedHost", sip.advertisedHost(),
        () -> new SipStackSettings(transport, sip.advertisedHost(), 1, timers(sip.timers())));
  }

  public static SipTransportSettings transport(SipConfig sip) {
    return mapped("sip.bindAddress", sip.bindAddress().getHostAddress(),
        () -> new SipTransportSettings(sip.bindAddress().getHostAddress(), sip.udpPort(), sip.tcpPort(),
            sip.tcpIdleTimeout(), limits(sip.limits()), udp(sip.udp())));
  }

  public static UdpSocketSettings udp(SipConfig.Udp udp) {
    return mapped("sip.udp", udp,
        () -> new UdpSocketSettings(udp.receiveBufferBytes(), udp.sendBufferBytes(), udp.reusePort()));
  }

  public static SipLimits limits(SipConfig.Limits limits) {
    return mapped("sip.limits", limits, () -> new SipLimits(limits.maxStartLineBytes(),
        limits.maxHeaderBytes(), limits.maxBodyBytes(), limits.maxMessageBytes()));
  }

  public static TimerSettings timers(SipConfig.Timers timers) {
    return mapped("sip.timers", timers,
        () -> new TimerSettings(timers.t1(), timers.t2(), timers.t4(), timers.trying()));
  }

  /** The edge: {@code sip.allow.*}, {@code sip.refusal}, {@code sip.rateLimit.*}. */
  public static EdgeSettings edge(SipConfig sip) {
    SipConfig.RateLimit rate = sip.rateLimit();
    return mapped("sip.allow", sip.allow().phoneMethods(), () -> new EdgeSettings(
        allowList("sip.allow.trunks", sip.allow().trunks()),
        allowList("sip.allow.phones", sip.allow().phones()),
        new HashSet<>(sip.allow().phoneMethods()),
        sip.refusal() == SipConfig.Refusal.SILENT ? RefusalMode.DROP_SILENTLY : RefusalMode.REFUSE_403,
        new RateLimitSettings(rate.requestsPerSecond(), rate.burst(), rate.maxTrackedSources(),
            rate.exemptTrunks())));
  }

  /**
   * What the OPTIONS answer advertises: the methods {@link ServiceApplication} handles, the
   * bodies it takes, and no option tags (no session timers while calls are not routed).
   */
  public static OptionsSettings options(SipConfig sip) {
    return mapped("sip.options.retryAfterWhenDraining", sip.options().retryAfterWhenDraining(),
        () -> new OptionsSettings(ServiceApplication.ALLOW, ServiceApplication.ACCEPT, List.of(),
            sip.options().retryAfterWhenDraining()));
  }

  /** Peer {@code index} of {@code sip.peers}: its name, the IP and port of its URI, the URI. */
  public static Peer peer(SipConfig.Peer peer, int index) {
    String key = "sip.peers[" + index + "]";
    checkName(key + ".name", peer.name());
    UriHostPort target = UriHostPort.parse(peer.uri()).orElseThrow(() -> problem(key + ".uri", peer.uri(),
        "the host must be an IP address literal with an optional port, such as sip:192.0.2.10:5060"
            + " (host names are not resolved)"));
    return mapped(key, peer.name(), () -> new Peer(peer.name(), target.address(), peer.uri()));
  }

  /** The keep-alive timing of one peer ({@code optionsInterval}, {@code timeout}, {@code failureThreshold}). */
  public static KeepAliveSettings keepAlive(SipConfig.Peer peer, int index) {
    return mapped("sip.peers[" + index + "].timeout", peer.timeout(),
        () -> new KeepAliveSettings(peer.optionsInterval(), peer.timeout(), peer.failureThreshold()));
  }

  /**
   * Registration {@code index} of {@code sip.register}: the address of record is
   * {@code sip:user@<registrar host:port>}, the contact {@code sip:user@<this stack's UDP endpoint>}.
   */
  public static RegistrationSettings registration(SipConfig.RegisterAccount account, int index, LocalEndpoint local) {
    String key = "sip.register[" + index + "]";
    checkName(key + ".name", account.name());
    UriHostPort registrar = registrar(account, index);
    String aor = "sip:" + account.user() + "@" + registrar.hostPort();
    String contact = "sip:" + account.user() + "@" + hostPort(local);
    return mapped(key + ".user", account.user(), () -> new RegistrationSettings(account.name(),
        account.registrar(), aor, contact, account.user(), account.passwordEnv(), account.expires(),
        account.backoffBase(), account.backoffMax()));
  }

  /** Where REGISTERs for {@code account} go: the registrar URI's IP, port and transport. */
  public static io.callflow.sip.transaction.Peer registrarHop(SipConfig.RegisterAccount account, int index) {
    UriHostPort registrar = registrar(account, index);
    return new io.callflow.sip.transaction.Peer(registrar.transport(), registrar.address());
  }

  private static UriHostPort registrar(SipConfig.RegisterAccount account, int index) {
    return UriHostPort.parse(account.registrar()).orElseThrow(() -> problem(
        "sip.register[" + index + "].registrar", account.registrar(),
        "the host must be an IP address literal with an optional port, such as sip:192.0.2.10:5060"
            + " (host names are not resolved)"));
  }

  private static String hostPort(LocalEndpoint local) {
    String host = local.host().contains(":") ? "[" + local.host() + "]" : local.host();
    return host + ":" + local.port();
  }

  private static AllowList allowList(String key, List<io.callflow.ops.config.Cidr> networks) {
    return AllowList.parse(key, networks.stream().map(SipSettingsMapping::cidrText).toList());
  }

  private static String cidrText(io.callflow.ops.config.Cidr cidr) {
    return cidr.network().getHostAddress() + "/" + cidr.prefixLength();
  }

  private static void checkName(String key, String name) {
    if (!name.matches(NAME)) {
      throw problem(key, name, "must be 1 to 64 letters, digits, '.', '_' or '-' (it becomes a metric label)");
    }
  }

  /** Builds a stack settings record; a refusal becomes a config error naming {@code key}. */
  private static <T> T mapped(String key, Object value, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw problem(key, String.valueOf(value), e.getMessage());
    }
  }

  private static ConfigException problem(String key, String value, String expected) {
    return new ConfigException(new ConfigProblem(key, value, expected));
  }
}
