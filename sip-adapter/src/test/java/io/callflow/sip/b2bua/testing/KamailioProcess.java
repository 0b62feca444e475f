package io.callflow.sip.b2bua.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Kamailio as a stateful proxy for integration tests and benchmarks: started on 127.0.0.1 on
 * a free UDP port with a fresh work directory, one UDP worker, no daemon, logging to its work
 * directory; {@link #close()} stops it and its children and deletes the directory.
 *
 * <pre>{@code
 * try (KamailioProcess proxy = KamailioProcess.start(KamailioProcess.proxyConfig(), "sip:127.0.0.1:5070")) {
 *   // send SIP to proxy.address()
 * }
 * }</pre>
 *
 * The config gets the next hop as the {@code NEXT_HOP} define ({@code -A}). The binary is
 * {@code /usr/sbin/kamailio} unless the system property {@code kamailio.binary} names another.
 */
public final class KamailioProcess implements AutoCloseable {

  private static final Duration START_LIMIT = Duration.ofSeconds(15);
  private static final int START_ATTEMPTS = 3;

  private final ExternalProcess process;
  private final int port;

  private KamailioProcess(ExternalProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The minimal stateful proxy config on the test classpath ({@code kamailio/proxy.cfg}). */
  public static Path proxyConfig() {
    URL resource = KamailioProcess.class.getResource("/kamailio/proxy.cfg");
    if (resource == null) {
      throw new IllegalStateException("kamailio/proxy.cfg is not on the test classpath");
    }
    try {
      return Path.of(resource.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("kamailio/proxy.cfg is not a file: " + resource, e);
    }
  }

  /**
   * Starts Kamailio with {@code config}, relaying to {@code nextHopUri} (a {@code sip:127.0.0.1:PORT}
   * URI), and returns once it listens. Retries on another port if the chosen one was taken meanwhile.
   */
  public static KamailioProcess start(Path config, String nextHopUri) throws IOException {
    if (!nextHopUri.startsWith("sip:127.0.0.1:")) {
      throw new IllegalArgumentException("next hop must be sip:127.0.0.1:PORT, got " + nextHopUri);
    }
    IOException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      int port = LoopbackUdp.freePort();
      Path dir = Files.createTempDirectory("kamailio-");
      ExternalProcess process = new ExternalProcess(List.of(
          System.getProperty("kamailio.binary", "/usr/sbin/kamailio"),
          "-f", config.toString(),
          "-DD", "-E", "-n", "1", "-m", "64", "-M", "8",
          "-l", "udp:127.0.0.1:" + port,
          "-w", dir.toString(), "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString(),
          "-A", "NEXT_HOP=\"" + nextHopUri + "\""), dir);
      try {
        LoopbackUdp.awaitListening(port, START_LIMIT, process::isAlive, "kamailio");
        return new KamailioProcess(process, port);
      } catch (IOException e) {
        last = new IOException(e.getMessage() + "; kamailio said:\n" + process.output(), e);
        process.close();
        ExternalProcess.deleteTree(dir);
      }
    }
    throw last;
  }

  public int port() {
    return port;
  }

  /** Where to send SIP: 127.0.0.1 and {@link #port()}. */
  public InetSocketAddress address() {
    return new InetSocketAddress(LoopbackUdp.loopback(), port);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kamailio's log so far, for failure messages. */
  public String log() {
    return process.output();
  }

  @Override
  public void close() {
    process.close();
    ExternalProcess.deleteTree(process.workDir());
  }
}
