package io.callflow.sip.ua;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.message.Via;
import io.callflow.sip.stack.LocalEndpoint;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link RegisterRequest} into a REGISTER message (RFC 3261 §10.2) and a final response
 * into a {@link RegisterOutcome}: the transport side of {@link RegisterClient}.
 */
public final class RegisterMessages {

  private static final Pattern EXPIRES_PARAM =
      Pattern.compile(";\\s*expires\\s*=\\s*(\\d{1,10})", Pattern.CASE_INSENSITIVE);

  private final LocalEndpoint local;
  private final RandomGenerator random;

  public RegisterMessages(LocalEndpoint local, RandomGenerator random) {
    this.local = local;
    this.random = random;
  }

  /** The REGISTER for {@code request}, with a fresh branch and From tag. */
  public SipRequest toMessage(RegisterRequest request) {
    var builder = SipRequest.builder("REGISTER", request.registrar())
        .from(request.aor(), token())
        .to(request.aor(), null)
        .callId(request.callId())
        .cseq(request.cseq())
        .via(local.transport(), local.host(), local.port(), Via.MAGIC_COOKIE + token())
        .contact(request.contact())
        .header("Expires", String.valueOf(request.expiresSeconds()));
    request.credentials().ifPresent(credentials ->
        builder.header(credentials.headerName(), credentials.value()));
    return builder.build();
  }

  /**
   * The outcome a final response to a REGISTER binding {@code contact} means. The granted
   * lifetime is the {@code expires} parameter of our Contact in the response, else the Expires
   * header (§10.2.4).
   */
  public static RegisterOutcome.Response toOutcome(SipResponse response, String contact) {
    return new RegisterOutcome.Response(response.statusCode(),
        response.headers("WWW-Authenticate"), response.headers("Proxy-Authenticate"),
        granted(response, contact), number(response.header("Min-Expires").orElse("")));
  }

  private static OptionalLong granted(SipResponse response, String contact) {
    String ours = withoutParams(contact);
    for (String value : response.headers("Contact")) {
      int open = value.indexOf('<');
      int close = value.indexOf('>', open + 1);
      String uri = open >= 0 && close > open ? value.substring(open + 1, close) : value;
      if (withoutParams(uri).equalsIgnoreCase(ours)) {
        Matcher expires = EXPIRES_PARAM.matcher(close > open ? value.substring(close) : value);
        if (expires.find()) {
          return OptionalLong.of(Long.parseLong(expires.group(1)));
        }
      }
    }
    return number(response.header("Expires").orElse(""));
  }

  private static OptionalLong number(String text) {
    String trimmed = text.trim();
    return trimmed.matches("\\d{1,10}") ? OptionalLong.of(Long.parseLong(trimmed)) : OptionalLong.empty();
  }

  private static String withoutParams(String uri) {
    int semicolon = uri.indexOf(';');
    return (semicolon < 0 ? uri : uri.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private String token() {
    return Tokens.hex(random, 8);
  }
}
