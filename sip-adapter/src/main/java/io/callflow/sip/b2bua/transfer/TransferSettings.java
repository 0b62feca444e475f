package io.callflow.sip.b2bua.transfer;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which targets a transfer may reach and how long it rings (config {@code b2bua.transfer.*}).
 * Every value is checked here; an error names the key and the fix.
 *
 * <p>The rule for a target: a {@code sip:}/{@code sips:} target is allowed when
 * {@code allowedHosts} is empty (any target) or names its host, or its {@code host:port}; a
 * {@code tel:} target is allowed only when {@code telRoute} says where to send it (there is no
 * RFC 3263 lookup here). A target outside the rule gets 403 on a REFER (RFC 3515 §2.4.2) and
 * is not called on core's Transfer command.
 *
 * @param allowedHosts {@code b2bua.transfer.allowed-hosts}: hosts or {@code host:port}s a
 *     transfer may go to; default empty: any
 * @param telRoute {@code b2bua.transfer.tel-route}: the {@code sip:host:port} (e.g. the PBX) a
 *     {@code tel:} target is sent to; default none: {@code tel:} targets are refused
 * @param ringTimeout {@code b2bua.transfer.ring-timeout}: how long the target may ring before
 *     the transfer fails with 408; default 30s, 1s..10min
 */
public record TransferSettings(Set<String> allowedHosts, Optional<String> telRoute, Duration ringTimeout) {

  public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration MAX_RING_TIMEOUT = Duration.ofMinutes(10);

  public TransferSettings {
    allowedHosts = Objects.requireNonNullElse(allowedHosts, Set.<String>of()).stream()
        .map(host -> {
          if (host == null || host.isBlank() || host.contains(":") && !host.matches("[^:]+:\\d{1,5}")
              || host.contains("@") || host.contains(";")) {
            throw new IllegalArgumentException("b2bua.transfer.allowed-hosts: '" + host
                + "' is not a host or host:port; write e.g. sales.example.com or 10.0.0.5:5060");
          }
          return host.trim().toLowerCase(Locale.ROOT);
        })
        .collect(Collectors.toUnmodifiableSet());
    telRoute = Objects.requireNonNullElse(telRoute, Optional.<String>empty()).filter(route -> !route.isBlank());
    telRoute.ifPresent(route -> {
      Optional<TransferTarget> parsed = TransferTarget.parse(route);
      if (parsed.isEmpty() || parsed.get().scheme() == TransferTarget.Scheme.TEL) {
        throw new IllegalArgumentException("b2bua.transfer.tel-route: '" + route
            + "' is not a sip: URI; give the gateway as sip:host:port");
      }
    });
    if (ringTimeout == null || ringTimeout.compareTo(Duration.ofSeconds(1)) < 0
        || ringTimeout.compareTo(MAX_RING_TIMEOUT) > 0) {
      throw new IllegalArgumentException("b2bua.transfer.ring-timeout: " + ringTimeout
          + " is outside 1s..10min; default " + DEFAULT_RING_TIMEOUT.toSeconds() + "s");
    }
  }

  /** Any sip/sips target, no tel targets, 30 s ring timeout. */
  public static TransferSettings defaults() {
    return new TransferSettings(Set.of(), Optional.empty(), DEFAULT_RING_TIMEOUT);
  }

  public TransferSettings withAllowedHosts(Set<String> hosts) {
    return new TransferSettings(hosts, telRoute, ringTimeout);
  }

  public TransferSettings withTelRoute(String route) {
    return new TransferSettings(allowedHosts, Optional.ofNullable(route), ringTimeout);
  }

  public TransferSettings withRingTimeout(Duration timeout) {
    return new TransferSettings(allowedHosts, telRoute, timeout);
  }

  /** Whether a transfer may go to {@code target} (the rule in the class comment). */
  public boolean allows(TransferTarget target) {
    if (target.scheme() == TransferTarget.Scheme.TEL) {
      return telRoute.isPresent();
    }
    if (allowedHosts.isEmpty()) {
      return true;
    }
    String hostPort = target.hostPort().orElse("");
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 || hostPort.endsWith("]") ? hostPort : hostPort.substring(0, colon);
    return allowedHosts.contains(hostPort) || allowedHosts.contains(host);
  }
}
