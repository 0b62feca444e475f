package io.callflow.sip.ua;

import java.util.List;
import java.util.OptionalLong;

/** How one REGISTER transaction ended, as the transport reports it. */
public sealed interface RegisterOutcome {

  /**
   * A final response.
   *
   * @param wwwAuthenticate values of every {@code WWW-Authenticate} header (401)
   * @param proxyAuthenticate values of every {@code Proxy-Authenticate} header (407)
   * @param grantedExpires the lifetime the registrar granted our contact: its {@code expires}
   *     parameter in the 200's Contact, else the Expires header (RFC 3261 §10.2.4)
   * @param minExpires the {@code Min-Expires} of a 423 (§10.2.8, §20.23)
   */
  record Response(int status, List<String> wwwAuthenticate, List<String> proxyAuthenticate,
      OptionalLong grantedExpires, OptionalLong minExpires) implements RegisterOutcome {

    public Response {
      wwwAuthenticate = List.copyOf(wwwAuthenticate);
      proxyAuthenticate = List.copyOf(proxyAuthenticate);
    }

    /** A response without challenges or expiry values. */
    public static Response of(int status) {
      return new Response(status, List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty());
    }
  }

  /** The client transaction timed out (Timer F, RFC 3261 §17.1.2.2). */
  record Timeout() implements RegisterOutcome {
  }

  /** The transport could not send, or the connection broke (RFC 3261 §8.1.3.1). */
  record TransportError(String detail) implements RegisterOutcome {
  }
}
