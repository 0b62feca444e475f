package io.callflow.sip.b2bua;

import io.callflow.core.model.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The number to call a customer back on after a drop (PROCEDURE.md 3.3 c), taken from the
 * first INVITE of the customer leg: the network-asserted identity (P-Asserted-Identity,
 * RFC 3325) when present, else From.
 *
 * <p>Never when the caller withheld their number: a Privacy header asking for {@code id}
 * (RFC 3325 §9.3), {@code user} or {@code header} (RFC 3323 §4.2), or an anonymous From
 * (RFC 3323 §4.1.1.3: {@code "Anonymous" <sip:anonymous@anonymous.invalid>}). Its
 * {@link #toString()} is masked.
 *
 * @param number the normalised number; its own toString is masked
 */
public record CallbackTarget(PhoneNumber number) {

  private static final List<String> WITHHOLDING_PRIVACY = List.of("id", "user", "header");
  private static final String ANONYMOUS = "anonymous";
  private static final String ANONYMOUS_HOST = "anonymous.invalid";

  public CallbackTarget {
    Objects.requireNonNull(number, "number");
  }

  /** As {@link #from(String, String, String, NumberNormalizer)} with no normalisation rules. */
  public static Optional<CallbackTarget> from(String paiHeaderValue, String fromHeaderValue,
      String privacyHeaderValue) {
    return from(paiHeaderValue, fromHeaderValue, privacyHeaderValue, NumberNormalizer.identity());
  }

  /**
   * The callback target, or empty when the caller withheld their number or neither header
   * holds a number. Any argument may be null (header absent).
   */
  public static Optional<CallbackTarget> from(String paiHeaderValue, String fromHeaderValue,
      String privacyHeaderValue, NumberNormalizer normalizer) {
    Objects.requireNonNull(normalizer, "normalizer");
    if (withheld(privacyHeaderValue)) {
      return Optional.empty();
    }
    Optional<NameAddress> from = NameAddress.parse(fromHeaderValue);
    if (from.isPresent() && isAnonymous(from.get())) {
      return Optional.empty();
    }
    for (NameAddress asserted : NameAddress.parseList(paiHeaderValue)) {
      if (isAnonymous(asserted)) {
        return Optional.empty();
      }
      Optional<PhoneNumber> number = normalizer.normalize(asserted.user());
      if (number.isPresent()) {
        return number.map(CallbackTarget::new);
      }
    }
    return from.flatMap(address -> normalizer.normalize(address.user())).map(CallbackTarget::new);
  }

  /** RFC 3323 §4.2: {@code Privacy = priv-value *(";" priv-value)}; several headers may be comma-joined. */
  private static boolean withheld(String privacyHeaderValue) {
    if (privacyHeaderValue == null) {
      return false;
    }
    for (String value : privacyHeaderValue.split("[;,]")) {
      if (WITHHOLDING_PRIVACY.contains(value.trim().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAnonymous(NameAddress address) {
    return address.displayName().equalsIgnoreCase(ANONYMOUS)
        || address.user().equalsIgnoreCase(ANONYMOUS)
        || address.host().equalsIgnoreCase(ANONYMOUS_HOST);
  }
}
