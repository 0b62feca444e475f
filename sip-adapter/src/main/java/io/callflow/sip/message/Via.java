package io.callflow.sip.message;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
* One Via header value (RFC 3261 §20.42). The transaction layer matches on the branch and
* sent-by (§17.2.3); responses are routed by sent-by, {@code received} and {@code rport}
* (§18.2.2, RFC 3581). The host is kept as text and never resolved.
*
* @param transport the transport token upper-cased, e.g. {@code UDP}, {@code TCP}
* @param host the sent-by host as written (IPv6 references keep their brackets)
* @param port the sent-by port when present
* @param branch the {@code branch} parameter when present
* @param received the {@code received} parameter when present
* @param rport whether an {@code rport} parameter is present, with or without a value (RFC 3581 §4)
* @param rportValue the {@code rport} value when one is set
*/
public record Via(String transport, String host, OptionalInt port, Optional<String> branch,
         Optional<String> received, boolean rport, OptionalInt rportValue) {

  /** Default SIP port for UDP, TCP and SCTP, RFC 3261 §19.1.2. */
  public static final int DEFAULT_PORT = 5060;
  /** Default SIP port for TLS, RFC 3261 §19.1.2. */
  public static final int DEFAULT_TLS_PORT = 5061;
  /** Magic cookie that starts every RFC 3261 branch, §8.1.1.7. */
  public static final String MAGIC_COOKIE = "z9hG4bK";

  public Via {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(rportValue, "rportValue");
  }

  /** The sent-by port, or the transport's default port when the Via has none (§18.2.2). */
  public int portOrDefault() {
    return port.orElse(transport.toUpperCase(Locale.ROOT).equals("TLS") ? DEFAULT_TLS_PORT : DEFAULT_PORT);
  }

  /** Whether the branch starts with the RFC 3261 magic cookie (§17.2.3); if not, RFC 2543 matching applies. */
  public boolean hasRfc3261Branch() {
    return branch.map(b -> b.startsWith(MAGIC_COOKIE)).orElse(false);
  }

  /** sent-by as {@code host[:port]}, as written. */
  public String sentBy() {
    return port.isPresent() ? host + ":" + port.getAsInt() : host;
  }
}
