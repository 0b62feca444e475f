package io.callflow.sip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds ports on 127.0.0.1 that are free for both UDP and TCP at the time of asking, since SIP
 * peers (and SIPp with {@code -t t1}) use the same number on both.
 */
public final class FreePorts {

  private static final int ATTEMPTS = 50;

  private FreePorts() {
  }

  /** A port free for UDP and TCP on 127.0.0.1 right now. */
  public static int udpAndTcp() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
          return udp.getLocalPort();
        } catch (IOException taken) {
          last = taken;
        }
      } catch (IOException e) {
        last = e;
      }
    }
    throw new UncheckedIOException("no port free for UDP and TCP on 127.0.0.1 after "
        + ATTEMPTS + " attempts", last);
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
