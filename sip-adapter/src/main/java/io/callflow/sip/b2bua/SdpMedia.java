package io.callflow.sip.b2bua;

import java.util.List;
import java.util.Optional;

/**
 * One media description (RFC 4566 §5.14): {@code m=<media> <port>[/<count>] <proto> <fmt> ...}
 * with its own connection line, if any, and its effective direction (its own attribute,
 * else the session's, else sendrecv, RFC 3264 §5.1).
 *
 * @param port 0 for a stream that is rejected or disabled (RFC 3264 §6)
 */
public record SdpMedia(String type, int port, String protocol, List<String> formats,
    Optional<SdpConnection> connection, SdpDirection direction) {

  public SdpMedia {
    formats = List.copyOf(formats);
  }

  public boolean isDisabled() {
    return port == 0;
  }
}
