package io.callflow.sip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds ports on 127.0.0.1 that are free for both UDP and TCP at the time of asking, since SIP
 * peers (and SIPp with {@code -t t1}) use the same number on both.
 *
 * <p>The ports are taken below the kernel's ephemeral range ({@code ip_local_port_range}): a
 * port from that range (what binding port 0 gives) can be handed to another process's outgoing
 * socket between this check and the moment SIPp or the service binds it, and SIPp then fails
 * with "Address already in use" (seen once in CI). Below the range only an explicit bind takes
 * a port.
 */
public final class FreePorts {

  private static final int ATTEMPTS = 200;
  /** The lowest port handed out: above the well-known and most registered service ports. */
  private static final int LOWEST = 20_000;
  /** Used when the range cannot be read: Linux's default start of the ephemeral range. */
  private static final int DEFAULT_EPHEMERAL_START = 32_768;

  private FreePorts() {
  }

  /** A port free for UDP and TCP on 127.0.0.1 right now, below the ephemeral range. */
  public static int udpAndTcp() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    int below = Math.max(LOWEST + 1_000, ephemeralStart());
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      try (ServerSocket tcp = new ServerSocket(port, 1, loopback);
          DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
        return Math.max(tcp.getLocalPort(), udp.getLocalPort()); // both are port
      } catch (IOException taken) {
        last = taken;
      }
    }
    throw new UncheckedIOException("no port in " + LOWEST + ".." + (below - 1)
        + " free for UDP and TCP on 127.0.0.1 after " + ATTEMPTS + " attempts", last);
  }

  /** The first port of the kernel's ephemeral range. */
  private static int ephemeralStart() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException unreadable) {
      return DEFAULT_EPHEMERAL_START;
    }
  }

  /** {@code count} distinct ports, each free for UDP and TCP. */
  public static int[] udpAndTcp(int count) {
    int[] ports = new int[count];
    for (int i = 0; i < count; i++) {
      int port;
      boolean repeated;
      do {
        port = udpAndTcp();
        repeated = false;
        for (int j = 0; j < i; j++) {
          repeated |= ports[j] == port;
        }
      } while (repeated);
      ports[i] = port;
    }
    return ports;
  }
}
