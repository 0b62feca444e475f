package io.callflow.sip.b2bua.transfer;

import io.callflow.sip.b2bua.UriEscapes;
import io.callflow.sip.dialog.UriText;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a transfer sends the customer: the target URI (URI parameters kept, URI headers
 * removed) and, for an attended transfer, the dialog the target must replace: the value of a
 * {@code Replaces} URI header (RFC 3891 §3), already unescaped, ready to go into the INVITE.
 *
 * @param uri a {@code sip:}, {@code sips:} or {@code tel:} URI without {@code ?headers}
 * @param replaces the Replaces header value (call-id;to-tag=..;from-tag=..), or empty
 */
public record TransferTarget(String uri, Optional<String> replaces) {

  public TransferTarget {
    Objects.requireNonNull(uri, "uri");
    replaces = Objects.requireNonNullElse(replaces, Optional.empty());
  }

  /** RFC 3261 §19.1, RFC 3966: the schemes a target may have. */
  public enum Scheme {
    SIP, SIPS, TEL;

    static Optional<Scheme> of(String uri) {
      int colon = uri.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      return switch (uri.substring(0, colon).toLowerCase(Locale.ROOT)) {
        case "sip" -> Optional.of(SIP);
        case "sips" -> Optional.of(SIPS);
        case "tel" -> Optional.of(TEL);
        default -> Optional.empty();
      };
    }
  }

  public Scheme scheme() {
    return Scheme.of(uri).orElseThrow();
  }

  /** {@code host} or {@code host:port} of a sip/sips target (lower case), empty for tel. */
  public Optional<String> hostPort() {
    if (scheme() == Scheme.TEL) {
      return Optional.empty();
    }
    String spec = uri.substring(uri.indexOf(':') + 1);
    int semicolon = spec.indexOf(';');
    String hostPart = semicolon < 0 ? spec : spec.substring(0, semicolon);
    int at = hostPart.lastIndexOf('@');
    return Optional.of(hostPart.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * A target given as text (core's department target, a Refer-To addr-spec): a name-addr or
   * URI of scheme sip, sips or tel. A {@code Replaces} URI header becomes {@link #replaces()};
   * other URI headers are dropped (only Replaces is acted on). Empty when malformed.
   */
  public static Optional<TransferTarget> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String spec = UriText.addrSpec(text);
    if (spec.isEmpty() || spec.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
      return Optional.empty();
    }
    Optional<Scheme> scheme = Scheme.of(spec);
    if (scheme.isEmpty() || spec.indexOf(':') == spec.length() - 1) {
      return Optional.empty();
    }
    int question = spec.indexOf('?');
    String uri = question < 0 ? spec : spec.substring(0, question);
    Optional<String> replaces = Optional.empty();
    if (question >= 0) {
      for (String header : spec.substring(question + 1).split("&")) {
        int equals = header.indexOf('=');
        if (equals <= 0) {
          return Optional.empty();
        }
        if (header.substring(0, equals).equalsIgnoreCase("Replaces")) {
          Optional<String> value = UriEscapes.decode(header.substring(equals + 1)).filter(TransferTarget::isReplaces);
          if (value.isEmpty() || replaces.isPresent()) {
            return Optional.empty();
          }
          replaces = value;
        }
      }
    }
    if (scheme.get() != Scheme.TEL && !hasHost(uri)) {
      return Optional.empty();
    }
    return Optional.of(new TransferTarget(uri, replaces));
  }

  private static boolean hasHost(String uri) {
    String rest = uri.substring(uri.indexOf(':') + 1);
    int semicolon = rest.indexOf(';');
    String hostPart = semicolon < 0 ? rest : rest.substring(0, semicolon);
    int at = hostPart.lastIndexOf('@');
    return at + 1 < hostPart.length();
  }

  /**
   * RFC 3891 §6.1: {@code callid *(SEMI replaces-param)} with exactly one to-tag and one
   * from-tag; a value without them names no dialog.
   */
  static boolean isReplaces(String value) {
    String[] parts = value.split(";");
    if (parts[0].isBlank() || parts[0].chars().anyMatch(c -> c <= ' ')) {
      return false;
    }
    int toTags = 0;
    int fromTags = 0;
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim().toLowerCase(Locale.ROOT);
      if (param.startsWith("to-tag=") && param.length() > "to-tag=".length()) {
        toTags++;
      } else if (param.startsWith("from-tag=") && param.length() > "from-tag=".length()) {
        fromTags++;
      }
    }
    return toTags == 1 && fromTags == 1;
  }
}
