package io.callflow.sip.b2bua.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Free UDP ports on 127.0.0.1 and waiting until a started program listens on one (Linux {@code /proc/net/udp}). */
public final class LoopbackUdp {

  private static final Path PROC_NET_UDP = Path.of("/proc/net/udp");
  private static final Duration POLL = Duration.ofMillis(50);

  private LoopbackUdp() {}

  public static InetAddress loopback() {
    return InetAddress.getLoopbackAddress();
  }

  /** A UDP port on 127.0.0.1 that was free a moment ago. */
  public static int freePort() {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback(), 0))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free UDP port on 127.0.0.1", e);
    }
  }

  /** True when some socket is bound to 127.0.0.1:{@code port}/udp. */
  public static boolean isListening(int port) {
    String local = String.format(Locale.ROOT, "0100007F:%04X", port);
    try {
      List<String> lines = Files.readAllLines(PROC_NET_UDP);
      return lines.stream().skip(1).map(String::trim)
          .anyMatch(line -> line.split("\\s+").length > 1 && line.split("\\s+")[1].equals(local));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PROC_NET_UDP, e);
    }
  }

  /**
   * Waits until 127.0.0.1:{@code port}/udp is bound, for at most {@code limit}; fails early
   * when {@code stillRunning} turns false (the program died, e.g. on a port clash).
   */
  public static void awaitListening(int port, Duration limit, BooleanSupplier stillRunning, String what)
      throws IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!isListening(port)) {
      if (!stillRunning.getAsBoolean()) {
        throw new IOException(what + " exited before listening on 127.0.0.1:" + port);
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(what + " does not listen on 127.0.0.1:" + port + " after " + limit);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted waiting for " + what, e);
      }
    }
  }
}
