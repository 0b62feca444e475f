package io.callflow.ops.config;

import static io.callflow.ops.config.ValueTypes.cidr;
import static io.callflow.ops.config.ValueTypes.duration;
import static io.callflow.ops.config.ValueTypes.envVarName;
import static io.callflow.ops.config.ValueTypes.integer;
import static io.callflow.ops.config.ValueTypes.ipAddress;
import static io.callflow.ops.config.ValueTypes.oneOf;
import static io.callflow.ops.config.ValueTypes.optionalText;
import static io.callflow.ops.config.ValueTypes.port;
import static io.callflow.ops.config.ValueTypes.scalar;
import static io.callflow.ops.config.ValueTypes.sipUri;
import static io.callflow.ops.config.ValueTypes.text;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code sip} section: where the SIP stack listens, its timers and limits, who may
 * talk to it, and the peers and registrations it keeps up.
 */
public record SipConfig(
    InetAddress bindAddress,
    String advertisedHost,
    int udpPort,
    int tcpPort,
    Duration tcpIdleTimeout,
    Udp udp,
    Timers timers,
    Limits limits,
    AllowLists allow,
    Refusal refusal,
    RateLimit rateLimit,
    Options options,
    List<Peer> peers,
    List<RegisterAccount> register) {

  /**
   * RFC 3261 §17.1.1.1 (T1 estimate of round-trip time, T2 cap), §17.1.2.2 (T4) and
   * §17.2.1 (how long an INVITE waits for the application before the stack sends 100 Trying).
   */
  public record Timers(Duration t1, Duration t2, Duration t4, Duration trying) {}

  /**
   * UDP socket options: kernel buffers that absorb bursts while the event loops parse, and one
   * socket per event loop with SO_REUSEPORT (epoll only) so parsing spreads over the loops.
   */
  public record Udp(int receiveBufferBytes, int sendBufferBytes, boolean reusePort) {}

  /** Framing limits that keep hostile or broken peers from exhausting memory. */
  public record Limits(int maxStartLineBytes, int maxHeaderBytes, int maxBodyBytes, int maxMessageBytes) {}

  /**
   * Source networks allowed to send requests: trunks (the PBX side) and agent phones, and
   * the methods a phone may send outside a dialog.
   */
  public record AllowLists(List<Cidr> trunks, List<Cidr> phones, List<String> phoneMethods) {}

  /** What a request from a source outside the allow-lists gets. */
  public enum Refusal {
    /** Answer 403 Forbidden (RFC 3261 §21.4.4). */
    FORBIDDEN,
    /** Drop it without an answer, to give scanners nothing. */
    SILENT
  }

  /** Token bucket per source address; at most {@code maxTrackedSources} buckets are kept. */
  public record RateLimit(int requestsPerSecond, int burst, int maxTrackedSources, boolean exemptTrunks) {}

  /** The OPTIONS answer: a draining instance answers 503 with this Retry-After (RFC 3261 §20.33). */
  public record Options(Duration retryAfterWhenDraining) {}

  /**
   * A SIP peer probed with OPTIONS; a probe unanswered after {@code timeout} failed, and after
   * {@code failureThreshold} failures in a row the line is down.
   */
  public record Peer(String name, String uri, Duration optionsInterval, Duration timeout, int failureThreshold) {}

  /**
   * A registration the service keeps up; the password is read from {@code passwordEnv}.
   * After a failure it retries after {@code backoffBase}, doubling up to {@code backoffMax}
   * (RFC 5626 §4.5).
   */
  public record RegisterAccount(String name, String registrar, String user, String passwordEnv, Duration expires,
      Duration backoffBase, Duration backoffMax) {}

  /** RFC 3261 §7.1: Method is a token; the usual method names are letters only. */
  private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,32}");

  static SipConfig from(ConfigNode n) {
    Map<String, Refusal> refusals = new LinkedHashMap<>();
    refusals.put("403", Refusal.FORBIDDEN);
    refusals.put("silent", Refusal.SILENT);
    Map<String, Boolean> booleans = new LinkedHashMap<>();
    booleans.put("true", true);
    booleans.put("false", false);
    return new SipConfig(
        n.get("bindAddress", ipAddress()),
        n.get("advertisedHost", optionalText()),
        n.get("udpPort", port()),
        n.get("tcpPort", port()),
        n.get("tcpIdleTimeout", duration(Duration.ofSeconds(1), Duration.ofHours(24))),
        n.section("udp", t -> new Udp(
            t.get("receiveBufferBytes", integer(64 * 1024, 256 * 1024 * 1024)),
            t.get("sendBufferBytes", integer(64 * 1024, 256 * 1024 * 1024)),
            t.get("reusePort", oneOf(booleans)))),
        n.section("timers", SipConfig::timers),
        n.section("limits", SipConfig::limits),
        n.section("allow", t -> new AllowLists(t.list("trunks", cidr()), t.list("phones", cidr()),
            t.list("phoneMethods", scalar("must be a SIP method name such as INVITE (letters only)",
                s -> METHOD.matcher(s).matches() ? Optional.of(s.toUpperCase(Locale.ROOT)) : Optional.empty())))),
        n.get("refusal", oneOf(refusals)),
        n.section("rateLimit", t -> new RateLimit(
            t.get("requestsPerSecond", integer(1, 100_000)),
            t.get("burst", integer(1, 1_000_000)),
            t.get("maxTrackedSources", integer(16, 10_000_000)),
            t.get("exemptTrunks", oneOf(booleans)))),
        n.section("options", t -> new Options(
            t.get("retryAfterWhenDraining", duration(Duration.ofSeconds(1), Duration.ofHours(1))))),
        n.sections("peers", SipConfig::peer),
        n.sections("register", r -> {
          String name = r.get("name", text());
          String registrar = r.get("registrar", sipUri());
          String user = r.get("user", text());
          String passwordEnv = r.get("passwordEnv", envVarName());
          Duration expires = r.get("expires", duration(Duration.ofMinutes(1), Duration.ofDays(1)), Duration.ofHours(1));
          Duration base = r.get("backoffBase", duration(Duration.ofSeconds(1), Duration.ofHours(1)),
              Duration.ofSeconds(30));
          Duration max = r.get("backoffMax", duration(Duration.ofSeconds(1), Duration.ofDays(1)),
              Duration.ofMinutes(30));
          if (r.clean() && max.compareTo(base) < 0) {
            r.reject("backoffMax", Durations.format(max), "must be at least backoffBase (" + Durations.format(base) + ")");
          }
          return new RegisterAccount(name, registrar, user, passwordEnv, expires, base, max);
        }));
  }

  private static Peer peer(ConfigNode p) {
    String name = p.get("name", text());
    String uri = p.get("uri", sipUri());
    Duration interval = p.get("optionsInterval", duration(Duration.ofSeconds(1), Duration.ofHours(1)),
        Duration.ofSeconds(30));
    Duration timeout = p.get("timeout", duration(Duration.ofMillis(100), Duration.ofHours(1)), Duration.ofSeconds(5));
    if (p.clean() && timeout.compareTo(interval) > 0) {
      p.reject("timeout", Durations.format(timeout),
          "must be at most optionsInterval (" + Durations.format(interval) + ")");
    }
    return new Peer(
        name,
        uri,
        interval,
        timeout,
        p.get("failureThreshold", integer(1, 100), 3));
  }

  private static Limits limits(ConfigNode t) {
    int startLine = t.get("maxStartLineBytes", integer(64, 16 * 1024 * 1024));
    int header = t.get("maxHeaderBytes", integer(64, 16 * 1024 * 1024));
    int body = t.get("maxBodyBytes", integer(0, 16 * 1024 * 1024));
    int message = t.get("maxMessageBytes", integer(1_024, 16 * 1024 * 1024));
    if (t.clean() && header < startLine) {
      t.reject("maxHeaderBytes", header, "must be at least maxStartLineBytes (" + startLine + ")");
    }
    if (t.clean() && message < header) {
      t.reject("maxMessageBytes", message, "must be at least maxHeaderBytes (" + header + ")");
    }
    return new Limits(startLine, header, body, message);
  }

  private static Timers timers(ConfigNode t) {
    Duration t1 = t.get("t1", duration(Duration.ofMillis(10), Duration.ofSeconds(10)));
    Duration t2 = t.get("t2", duration(Duration.ofMillis(10), Duration.ofMinutes(1)));
    Duration t4 = t.get("t4", duration(Duration.ofMillis(10), Duration.ofMinutes(1)));
    Duration trying = t.get("trying", duration(Duration.ofMillis(10), Duration.ofSeconds(10)));
    if (t.clean() && t2.compareTo(t1) < 0) {
      t.reject("t2", Durations.format(t2), "must be at least t1 (" + Durations.format(t1) + "), RFC 3261 §17.1.2.2");
    }
    return new Timers(t1, t2, t4, trying);
  }
}
