package io.callflow.sip.ua;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * Answers an out-of-dialog OPTIONS (RFC 3261 §11.2): 200 with Allow, Accept, Accept-Encoding,
 * Accept-Language and Supported, the headers §11.2 says SHOULD be present. While the instance
 * drains, or is overloaded and refuses new calls, it answers 503 with Retry-After instead, so a
 * dispatcher probing with OPTIONS (e.g. Kamailio's) sends new calls elsewhere (§21.5.4) instead
 * of having them refused one by one.
 */
public final class OptionsResponder {

  private static final int OK = 200;
  /** RFC 3261 §21.5.4. */
  private static final int SERVICE_UNAVAILABLE = 503;

  private final OptionsSettings settings;
  private final BooleanSupplier draining;
  private final Overload overload;
  private final RandomGenerator random;

  /**
   * While {@code active} holds, the service refuses every new call (503 with {@code retryAfter},
   * e.g. while its record store is backlogged); OPTIONS then says so too.
   */
  public record Overload(BooleanSupplier active, Duration retryAfter) {
    /** Never overloaded. */
    public static final Overload NEVER = new Overload(() -> false, Duration.ofSeconds(1));

    public Overload {
      Objects.requireNonNull(active, "active");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The Retry-After value: whole seconds (RFC 3261 §20.33), at least 1. */
    public long retryAfterSeconds() {
      return Math.max(1, retryAfter.toSeconds());
    }
  }

  public OptionsResponder(OptionsSettings settings, BooleanSupplier draining, Overload overload,
      RandomGenerator random) {
    this.settings = settings;
    this.draining = draining;
    this.overload = Objects.requireNonNull(overload, "overload");
    this.random = random;
  }

  /**
   * The response to {@code options}, with a To tag when the request had none (§8.2.6.2).
   *
   * @throws IllegalArgumentException if the request is not an OPTIONS (a wiring mistake)
   */
  public SipResponse respond(SipRequest options) {
    if (!"OPTIONS".equals(options.method())) {
      throw new IllegalArgumentException("OptionsResponder got a " + options.method());
    }
    String toTag = Tokens.hex(random, 6);
    if (draining.getAsBoolean()) {
      return options.createResponse(SERVICE_UNAVAILABLE, "Draining", toTag)
          .withHeader("Retry-After", String.valueOf(settings.retryAfterWhenDraining().toSeconds()));
    }
    if (overload.active().getAsBoolean()) {
      // The reason phrase and Retry-After of the 503 a new INVITE gets at the same moment.
      return options.createResponse(SERVICE_UNAVAILABLE, "Service Overloaded", toTag)
          .withHeader("Retry-After", String.valueOf(overload.retryAfterSeconds()));
    }
    return options.createResponse(OK, null, toTag)
        .withHeaderValues("Allow", settings.allow())
        .withHeaderValues("Accept", settings.accept())
        // §20.2, §20.3: we take no content coding and speak no human language in bodies.
        .withHeader("Accept-Encoding", "identity")
        .withHeader("Accept-Language", "en")
        .withHeaderValues("Supported", settings.supported());
  }
}
