package io.callflow.sip.b2bua;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The address in a From, To or P-Asserted-Identity header value (RFC 3261 §20.10/§25.1:
 * {@code name-addr / addr-spec}, then header parameters), reduced to what call control
 * needs: display name, URI scheme, user and host. Parsing is total: malformed text is empty.
 */
record NameAddress(String displayName, String scheme, String user, String host) {

  /** Every address of a header value that may list several (P-Asserted-Identity, RFC 3325 §9.1). */
  static List<NameAddress> parseList(String headerValue) {
    List<NameAddress> addresses = new ArrayList<>();
    if (headerValue == null) {
      return addresses;
    }
    for (String part : HeaderText.split(headerValue, ',').orElse(List.of())) {
      parse(part).ifPresent(addresses::add);
    }
    return addresses;
  }

  /** One address; the header parameters after it (tag etc.) are ignored. */
  static Optional<NameAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text.trim();
    String display = "";
    String uri;
    int open = value.indexOf('<');
    if (open >= 0) {
      int close = value.indexOf('>', open);
      if (close < 0) {
        return Optional.empty();
      }
      String name = value.substring(0, open).trim();
      display = HeaderText.unquote(name).orElse(name);
      uri = value.substring(open + 1, close).trim();
    } else {
      // addr-spec without brackets: parameters after ';' belong to the header (RFC 3261 §20.10).
      int semi = value.indexOf(';');
      uri = semi < 0 ? value : value.substring(0, semi).trim();
    }
    int colon = uri.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = uri.substring(colon + 1);
    if (scheme.equals("tel")) {
      return Optional.of(new NameAddress(display, scheme, beforeAny(rest, ";?"), ""));
    }
    if (!scheme.equals("sip") && !scheme.equals("sips")) {
      return Optional.empty();
    }
    int at = rest.lastIndexOf('@');
    String user = at < 0 ? "" : beforeAny(rest.substring(0, at), ";");
    String host = beforeAny(at < 0 ? rest : rest.substring(at + 1), ";?:");
    String name = display;
    return UriEscapes.decode(user).map(decoded -> new NameAddress(name, scheme, decoded, host));
  }

  private static String beforeAny(String text, String stops) {
    for (int i = 0; i < text.length(); i++) {
      if (stops.indexOf(text.charAt(i)) >= 0) {
        return text.substring(0, i);
      }
    }
    return text;
  }
}
