package io.callflow.sip.b2bua.registrar;

import io.callflow.sip.message.SipRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a REGISTER asks of its bindings (RFC 3261 §10.2, §10.3 steps 6 and 7): nothing (a
 * query), remove them all ({@code Contact: *} with {@code Expires: 0}), or add, refresh or
 * remove the listed contacts, each with the expiry it asked for. The stack has already
 * refused a Contact or Expires header it could not parse; what is left to refuse here is
 * what RFC 3261 forbids of parsable values.
 */
sealed interface ContactRequest {

  /** RFC 3261 §25.1 delta-seconds: up to 2^32-1 allowed; ten digits are more than enough to cap. */
  int MAX_DIGITS = 10;

  /** No Contact: list the current bindings (§10.2.3). */
  record Query() implements ContactRequest {}

  /** {@code Contact: *} with {@code Expires: 0}: remove every binding (§10.2.2). */
  record RemoveAll() implements ContactRequest {}

  /** The contacts, in order, with the expiry asked for each. */
  record Contacts(List<Requested> contacts) implements ContactRequest {}

  /** A request RFC 3261 forbids; {@code reason} is the 400 reason phrase. */
  record Malformed(String reason) implements ContactRequest {}

  /**
   * One contact to bind.
   *
   * @param expiresSeconds its {@code expires} parameter, else the Expires header; empty when
   *     neither is present (the registrar's default applies)
   */
  record Requested(String uri, OptionalLong expiresSeconds) {}

  /** Reads the Contact and Expires headers of {@code register}. Never throws. */
  static ContactRequest of(SipRequest register) {
    List<String> uris = register.contactUris();
    List<String> values = register.headers("Contact");
    Optional<String> expiresHeader = register.header("Expires");
    OptionalLong expires = OptionalLong.empty();
    if (expiresHeader.isPresent()) {
      expires = seconds(expiresHeader.get().strip());
      if (expires.isEmpty()) {
        return new Malformed("Bad Request (malformed Expires)");
      }
    }
    if (uris.isEmpty()) {
      return new Query();
    }
    if (uris.contains("*")) {
      // §10.3 step 6: "*" only alone and only with Expires: 0.
      boolean removal = uris.size() == 1 && expires.isPresent() && expires.getAsLong() == 0;
      return removal ? new RemoveAll() : new Malformed("Bad Request (Contact: * needs Expires: 0 and no other Contact)");
    }
    if (values.size() != uris.size()) {
      return new Malformed("Bad Request (malformed Contact)");
    }
    List<Requested> contacts = new ArrayList<>(uris.size());
    for (int i = 0; i < uris.size(); i++) {
      int colon = Math.max(0, uris.get(i).indexOf(':'));
      String scheme = uris.get(i).substring(0, colon).toLowerCase(Locale.ROOT);
      if (!scheme.equals("sip") && !scheme.equals("sips")) {
        return new Malformed("Bad Request (Contact must be a sip: or sips: URI)");
      }
      // Schemes are case-insensitive (RFC 3261 §19.1.4); one spelling keeps one binding per contact.
      String uri = scheme + uris.get(i).substring(colon);
      Optional<String> param = expiresParam(values.get(i));
      OptionalLong own = param.isPresent() ? seconds(param.get()) : expires;
      if (param.isPresent() && own.isEmpty()) {
        return new Malformed("Bad Request (malformed Contact expires)");
      }
      contacts.add(new Requested(uri, own));
    }
    return new Contacts(List.copyOf(contacts));
  }

  /** The {@code expires} header parameter of one Contact value, after the URI (§20.10). */
  private static Optional<String> expiresParam(String contactValue) {
    int close = contactValue.lastIndexOf('>');
    String params;
    if (close >= 0) {
      params = contactValue.substring(close + 1);
    } else {
      // addr-spec without brackets: everything after the first ';' is a header parameter.
      int semi = contactValue.indexOf(';');
      params = semi < 0 ? "" : contactValue.substring(semi);
    }
    for (String param : params.split(";")) {
      int eq = param.indexOf('=');
      if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("expires")) {
        return Optional.of(param.substring(eq + 1).strip());
      }
    }
    return Optional.empty();
  }

  /** delta-seconds (§25.1), capped so a huge value cannot overflow; empty when not digits. */
  private static OptionalLong seconds(String text) {
    if (!text.matches("[0-9]{1,20}")) {
      return OptionalLong.empty();
    }
    String digits = text.replaceFirst("^0+(?=.)", "");
    return OptionalLong.of(digits.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits));
  }
}
