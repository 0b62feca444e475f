package io.callflow.sip.edge;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Edge security settings (config prefix {@code sip.edge}).
 *
 * @param trunks {@code sip.edge.trunks}: networks of trunks and PBXs; they may send any method
 * @param phones {@code sip.edge.phones}: networks of agents' phones
 * @param phoneMethods {@code sip.edge.phoneMethods}: methods a phone may send out of dialog
 * @param refusal {@code sip.edge.refusal}: what a source not on a list, or a phone sending a
 *     method not on its list, gets; rate-limited requests are always dropped silently, since
 *     answering a flood would multiply it
 * @param rateLimit {@code sip.edge.rateLimit.*}
 */
public record EdgeSettings(
    AllowList trunks,
    AllowList phones,
    Set<String> phoneMethods,
    RefusalMode refusal,
    RateLimitSettings rateLimit) {

  /** What phones send on their own: registration, calls out, probes, quality reports (RFC 6035). */
  public static final Set<String> DEFAULT_PHONE_METHODS =
      Set.of("REGISTER", "INVITE", "OPTIONS", "PUBLISH", "SUBSCRIBE", "NOTIFY", "MESSAGE");

  public EdgeSettings {
    Objects.requireNonNull(trunks, "sip.edge.trunks");
    Objects.requireNonNull(phones, "sip.edge.phones");
    Objects.requireNonNull(refusal, "sip.edge.refusal (REFUSE_403 or DROP_SILENTLY)");
    Objects.requireNonNull(rateLimit, "sip.edge.rateLimit");
    Objects.requireNonNull(phoneMethods, "sip.edge.phoneMethods");
    for (String method : phoneMethods) {
      // RFC 3261 §25.1: Method = token; we accept the usual upper-case letters only.
      if (method == null || !method.matches("[A-Za-z]{1,32}")) {
        throw new IllegalArgumentException("sip.edge.phoneMethods: '" + method
            + "' is not a SIP method name; use names such as REGISTER, INVITE, OPTIONS");
      }
    }
    phoneMethods = phoneMethods.stream()
        .map(method -> method.toUpperCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
