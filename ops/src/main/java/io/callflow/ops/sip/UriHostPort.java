package io.callflow.ops.sip;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The host, port and transport of a SIP URI whose host is an IP literal, e.g.
 * {@code sip:pbx@192.0.2.10:5060;transport=tcp}. Host names are refused rather than resolved:
 * the stack does no RFC 3263 DNS, and a list of peers must not depend on it.
 *
 * @param hostPort the host and port as written ({@code 192.0.2.10:5060}, {@code [2001:db8::1]})
 * @param address the IP and port, 5060 when the URI has none (RFC 3261 §19.1.2)
 * @param transport {@code UDP}, or {@code TCP} for {@code ;transport=tcp} and {@code sips:}
 */
record UriHostPort(String hostPort, InetSocketAddress address, String transport) {

  /** RFC 3261 §19.1.2: the default port of sip: (and of sips: over TLS, which maps to TCP here). */
  static final int DEFAULT_PORT = 5060;

  /** The parts of {@code uri}, or empty when its host is not an IP literal or the port is bad. */
  static Optional<UriHostPort> parse(String uri) {
    String lower = uri.strip().toLowerCase(Locale.ROOT);
    boolean secure = lower.startsWith("sips:");
    if (!secure && !lower.startsWith("sip:")) {
      return Optional.empty();
    }
    String rest = uri.strip().substring(secure ? 5 : 4);
    int params = indexOfAny(rest, ";?");
    String beforeParams = params < 0 ? rest : rest.substring(0, params);
    String hostPort = beforeParams.substring(beforeParams.lastIndexOf('@') + 1);
    String host;
    String port = "";
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = hostPort.substring(1, close);
      String after = hostPort.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        return Optional.empty();
      }
      port = after.isEmpty() ? "" : after.substring(1);
    } else {
      int colon = hostPort.indexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? "" : hostPort.substring(colon + 1);
    }
    if (!(NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host))) {
      return Optional.empty();
    }
    int portNumber = DEFAULT_PORT;
    if (!port.isEmpty()) {
      if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
        return Optional.empty();
      }
      portNumber = Integer.parseInt(port);
    }
    String parameters = params < 0 ? "" : lower.substring(lower.length() - (rest.length() - params));
    String transport = secure || parameters.contains(";transport=tcp") ? "TCP" : "UDP";
    try {
      InetAddress ip = InetAddress.getByAddress(NetUtil.createByteArrayFromIpAddressString(host));
      return Optional.of(new UriHostPort(hostPort, new InetSocketAddress(ip, portNumber), transport));
    } catch (UnknownHostException e) {
      // Cannot happen for a 4- or 16-byte array; treat it as not a literal.
      return Optional.empty();
    }
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
