package io.callflow.sip.b2bua.call;

import io.callflow.sip.ua.OptionsResponder.Overload;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the service as a whole can take a new call now. While it cannot (the record store
 * has fallen behind, say, and a new call would only add records its queue might refuse), a new
 * INVITE is answered 503 with Retry-After: RFC 3261 §21.5.4, the whole service and not one
 * line, so the PBX or a dispatcher in front sends new calls elsewhere for that long. Calls in
 * progress are not touched. Each change between refusing and accepting is logged once.
 */
final class NewCallAdmission {

  private static final Logger LOG = LoggerFactory.getLogger(NewCallAdmission.class);

  private volatile Overload overload = Overload.NEVER;
  private volatile String why = "";
  private final AtomicBoolean refusing = new AtomicBoolean();

  /** From now on, refuses new calls while {@code overload} is active; {@code why} goes into the log. */
  void refuseWhile(Overload overload, String why) {
    this.why = Objects.requireNonNull(why, "why");
    this.overload = Objects.requireNonNull(overload, "overload");
  }

  /** True when a new call is to be refused now; logs the change when this answer changes. */
  boolean refuses() {
    boolean now = overload.active().getAsBoolean();
    // Read first: a compare-and-set that fails still takes the cache line, on every INVITE.
    if (refusing.get() != now && refusing.compareAndSet(!now, now)) {
      if (now) {
        LOG.warn("new calls refused with 503 (Retry-After {} s): {}", retryAfterSeconds(), why);
      } else {
        LOG.info("new calls accepted again: {} no more", why);
      }
    }
    return now;
  }

  /** The Retry-After of the refusal, whole seconds (RFC 3261 §20.33), at least 1. */
  long retryAfterSeconds() {
    return overload.retryAfterSeconds();
  }
}
