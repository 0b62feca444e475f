package io.callflow.ops;

import io.callflow.sip.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/callflow run --config FILE} as a real process for integration tests: free HTTP and
 * SIP ports on 127.0.0.1, the store in the test's directory, output to a log file. Started
 * ready ({@code /readyz} 200); {@link #close()} kills it if it still runs, so a test stops it
 * also on failure.
 */
public final class ServiceProcess implements AutoCloseable {

  /** Includes a possible jar rebuild by bin/callflow. */
  private static final Duration START_LIMIT = Duration.ofMinutes(3);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
  private static final int START_ATTEMPTS = 3;
  /** What the service logs when it cannot bind a port (EADDRINUSE, from Netty or the JDK). */
  private static final String PORT_TAKEN = "Address already in use";
  private static final Duration REQUEST_LIMIT = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;
  private final int httpPort;
  private final int sipPort;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServiceProcess(Process process, Path log, int httpPort, int sipPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
    this.sipPort = sipPort;
  }

  /**
   * Starts the service with {@code sip.udpPort}/{@code tcpPort}, {@code http.port} and
   * {@code store.path} set, then {@code moreYaml} (further top-level sections), and waits until
   * it is ready.
   */
  public static ServiceProcess startReady(Path dir, String name, Path store, String moreYaml)
      throws IOException, InterruptedException {
    return startReady(dir, name, store, "", moreYaml);
  }

  /**
   * Like {@link #startReady(Path, String, Path, String)} with {@code moreSipYaml} (further
   * keys of the {@code sip} section, indented by two spaces) added to the sip section.
   */
  public static ServiceProcess startReady(Path dir, String name, Path store, String moreSipYaml, String moreYaml)
      throws IOException, InterruptedException {
    return retryingTakenPorts(() -> start(dir, name, store, FreePorts.udpAndTcp(), moreSipYaml, moreYaml));
  }

  /**
   * Like {@link #startReady(Path, String, Path, String, String)} on a given SIP port: a service
   * started again after {@link #kill()} on its predecessor's port and store, where the peers
   * of its calls still send.
   */
  public static ServiceProcess startReady(Path dir, String name, Path store, int sipPort, String moreSipYaml,
      String moreYaml) throws IOException, InterruptedException {
    return retryingTakenPorts(() -> start(dir, name, store, sipPort, moreSipYaml, moreYaml));
  }

  /** One start of the service, on a new HTTP port; see {@link #retryingTakenPorts}. */
  private interface Start {
    ServiceProcess run() throws IOException, InterruptedException;
  }

  /**
   * Runs {@code start} again, up to {@link #START_ATTEMPTS} times, while the service exits
   * because a port was taken. A port from {@link FreePorts} is free when picked, not a JVM start
   * later when the service binds it: another process can take it in between (seen once in CI,
   * on the SIP UDP port). Each attempt picks its ports anew.
   */
  private static ServiceProcess retryingTakenPorts(Start start) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return start.run();
      } catch (AssertionError e) {
        if (attempt == START_ATTEMPTS || e.getMessage() == null || !e.getMessage().contains(PORT_TAKEN)) {
          throw e;
        }
      }
    }
  }

  private static ServiceProcess start(Path dir, String name, Path store, int sipPort, String moreSipYaml,
      String moreYaml) throws IOException, InterruptedException {
    int httpPort = FreePorts.udpAndTcp();
    Path config = Files.writeString(dir.resolve(name + ".yaml"), String.join("\n",
        "sip:", "  udpPort: " + sipPort, "  tcpPort: " + sipPort, moreSipYaml,
        "http:", "  port: " + httpPort,
        "store:", "  path: " + store,
        moreYaml, ""));
    Path log = dir.resolve(name + ".log");
    Process process = new ProcessBuilder(Programs.repoRoot().resolve("bin/callflow").toString(), "run", "--config",
        config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    ServiceProcess service = new ServiceProcess(process, log, httpPort, sipPort);
    try {
      service.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      service.close();
      throw e;
    }
    return service;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  /** The SIP port, UDP and TCP. */
  public InetSocketAddress sipAddress() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), sipPort);
  }

  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(REQUEST_LIMIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(REQUEST_LIMIT)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The service's process id (bin/callflow execs java, so it is the JVM's). */
  public long pid() {
    return process.pid();
  }

  /** Sends SIGTERM and waits for the exit; returns the exit status. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("callflow did not stop within " + STOP_LIMIT + ":\n" + log());
    }
    return process.exitValue();
  }

  /** SIGKILL, as a crash: nothing is stopped in order, no BYE is sent, queued writes are lost. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("callflow was not killed within " + STOP_LIMIT);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_LIMIT);
    IOException lastError = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("callflow exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        if (get("/readyz").statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        lastError = notListeningYet;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not ready within " + START_LIMIT + ":\n" + log(), lastError);
  }

}
