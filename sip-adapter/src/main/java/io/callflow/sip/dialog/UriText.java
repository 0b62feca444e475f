package io.callflow.sip.dialog;

import java.util.Locale;

/**
 * Just enough reading of SIP URI text for routing decisions on compact dialog state, so a
 * dialog never has to keep a parsed message: the URI inside a name-addr, its {@code lr}
 * parameter (§19.1.1), and the host, port and transport of the next hop (§8.1.2 without
 * DNS: RFC 3263 lookups are out of scope; a host name is resolved by the OS).
 */
public final class UriText {

  /** §19.1.2: the default port of {@code sip:} URIs. */
  public static final int DEFAULT_SIP_PORT = 5060;
  /** §19.1.2: the default port of {@code sips:} URIs. */
  public static final int DEFAULT_SIPS_PORT = 5061;

  private UriText() {}

  /** The addr-spec inside {@code value}: the text between '<' and '>' if present, else all of it trimmed. */
  public static String addrSpec(String value) {
    int open = value.indexOf('<');
    if (open >= 0) {
      int close = value.indexOf('>', open);
      return value.substring(open + 1, close < 0 ? value.length() : close).trim();
    }
    return value.trim();
  }

  /** True when the URI of {@code route} carries the {@code lr} parameter (a loose router, §16.2). */
  public static boolean isLooseRouter(String route) {
    String uri = addrSpec(route).toLowerCase(Locale.ROOT);
    int headers = uri.indexOf('?');
    String withoutHeaders = headers < 0 ? uri : uri.substring(0, headers);
    for (String part : withoutHeaders.split(";")) {
      if (part.equals("lr") || part.startsWith("lr=")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code uri} without the parts §19.1.1 Table 1 does not allow in a Request-URI
   * ({@code method}, {@code ttl} stays, headers stay): used for the strict-routing fallback.
   */
  public static String forRequestUri(String uri) {
    String spec = addrSpec(uri);
    StringBuilder out = new StringBuilder(spec.length());
    String[] parts = spec.split(";", -1);
    out.append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].toLowerCase(Locale.ROOT).startsWith("method=")) {
        out.append(';').append(parts[i]);
      }
    }
    return out.toString();
  }

  /** Where to send a request whose next hop is {@code uri} (§8.1.2, §18.1.1 transport choice). */
  public static Hop hop(String uri) {
    String spec = addrSpec(uri);
    String lower = spec.toLowerCase(Locale.ROOT);
    boolean secure = lower.startsWith("sips:");
    int colon = spec.indexOf(':');
    String rest = spec.substring(colon + 1);
    int headers = rest.indexOf('?');
    if (headers >= 0) {
      rest = rest.substring(0, headers);
    }
    String[] parts = rest.split(";");
    String hostPort = parts[0];
    int at = hostPort.lastIndexOf('@');
    if (at >= 0) {
      hostPort = hostPort.substring(at + 1);
    }
    String transport = secure ? "TLS" : "UDP";
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].toLowerCase(Locale.ROOT);
      if (param.startsWith("transport=")) {
        transport = param.substring("transport=".length()).toUpperCase(Locale.ROOT);
      }
    }
    String host;
    int port = secure ? DEFAULT_SIPS_PORT : DEFAULT_SIP_PORT;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      host = hostPort.substring(1, close);
      if (close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':') {
        port = Integer.parseInt(hostPort.substring(close + 2));
      }
    } else {
      int portColon = hostPort.indexOf(':');
      host = portColon < 0 ? hostPort : hostPort.substring(0, portColon);
      if (portColon >= 0) {
        port = Integer.parseInt(hostPort.substring(portColon + 1));
      }
    }
    return new Hop(host, port, transport);
  }

  /** A next hop: host, port and transport name ("UDP", "TCP", "TLS"). */
  public record Hop(String host, int port, String transport) {}
}
