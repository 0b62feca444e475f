package io.callflow.sip.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before any transaction exists, whether an incoming request may go on.
 *
 * <ol>
 *   <li>The source is classed: on the trunk list (wins if on both), on the phone list, or unknown.
 *   <li>Every request from a non-exempt source takes a token from its bucket; an empty bucket
 *       drops the request silently ({@link RefusalReason#RATE_LIMITED}).
 *   <li>In-dialog requests pass: the dialog was admitted when it was created. The transport
 *       also passes ACK and CANCEL here as in-dialog when they match a transaction.
 *   <li>An out-of-dialog request from an unknown source is refused
 *       ({@link RefusalReason#SOURCE_NOT_ALLOWED}); from a phone, a method outside
 *       {@link EdgeSettings#phoneMethods()} is refused ({@link RefusalReason#METHOD_NOT_ALLOWED}).
 * </ol>
 *
 * <p>Every refusal is counted in {@link #refusals()}. Responses are never checked here: they
 * match a client transaction or are dropped by the transaction layer (RFC 3261 §18.1.2).
 */
public final class EdgePolicy {

  private static final Logger LOG = LoggerFactory.getLogger(EdgePolicy.class);
  /** ACK and CANCEL belong to an INVITE transaction (RFC 3261 §17.1.1.3, §9.1). */
  private static final Set<String> TRANSACTION_BOUND = Set.of("ACK", "CANCEL");

  private final EdgeSettings settings;
  private final SourceRateLimiter limiter;
  private final RefusalCounter refusals = new RefusalCounter();

  public EdgePolicy(EdgeSettings settings, Clock clock) {
    this.settings = settings;
    this.limiter = new SourceRateLimiter(settings.rateLimit(), clock);
  }

  /** The verdict for a request with {@code method} from {@code source}. Never throws on input. */
  public Verdict check(InetSocketAddress source, String method, boolean inDialog) {
    InetAddress address = source.getAddress();
    if (address == null) {
      // An unresolved address cannot come off a socket; refuse rather than guess.
      return refuse(RefusalMode.DROP_SILENTLY, SourceClass.UNKNOWN,
          RefusalReason.SOURCE_NOT_ALLOWED, source, method);
    }
    SourceClass sourceClass = classify(address);
    boolean exempt = sourceClass == SourceClass.TRUNK && settings.rateLimit().exemptTrunks();
    if (!exempt && !limiter.tryAcquire(address)) {
      return refuse(RefusalMode.DROP_SILENTLY, sourceClass, RefusalReason.RATE_LIMITED,
          source, method);
    }
    String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
    if (inDialog) {
      return Verdict.allow(sourceClass);
    }
    if (sourceClass == SourceClass.UNKNOWN) {
      return refuse(settings.refusal(), sourceClass, RefusalReason.SOURCE_NOT_ALLOWED,
          source, upper);
    }
    if (sourceClass == SourceClass.PHONE && !settings.phoneMethods().contains(upper)
        && !TRANSACTION_BOUND.contains(upper)) {
      return refuse(settings.refusal(), sourceClass, RefusalReason.METHOD_NOT_ALLOWED,
          source, upper);
    }
    return Verdict.allow(sourceClass);
  }

  /** Which list admits {@code address}, trunks first. */
  public SourceClass classify(InetAddress address) {
    if (settings.trunks().allows(address)) {
      return SourceClass.TRUNK;
    }
    return settings.phones().allows(address) ? SourceClass.PHONE : SourceClass.UNKNOWN;
  }

  /** What was refused and why, since start. */
  public RefusalCounter refusals() {
    return refusals;
  }

  private Verdict refuse(RefusalMode mode, SourceClass sourceClass, RefusalReason reason,
      InetSocketAddress source, String method) {
    refusals.record(reason);
    // Debug only: a flood must not become a flood of log lines; the counter is the signal.
    LOG.debug("refused {} from {} ({}): {}", method, source, sourceClass, reason.label());
    return Verdict.refuse(mode, sourceClass, reason);
  }
}
