package io.callflow.sip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One real SIPp ({@code /usr/bin/sipp}) run for an integration test, bound to 127.0.0.1 and
 * sending only there, with a bounded call count ({@code -m}) and a global {@code -timeout}.
 * stdout, stderr and the statistics file go under {@code target/sipp/<name>/}. Use in
 * try-with-resources: {@link #close()} kills a SIPp still running, so a failing test never
 * leaves one behind.
 *
 * <pre>{@code
 * try (SippProcess uas = SippProcess.builder("uas").builtIn("uas").localPort(p1).calls(3).start()) {
 *   SippResult result = uas.awaitExit(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class SippProcess implements AutoCloseable {

  public static final Path SIPP = Path.of("/usr/bin/sipp");
  static final String LOOPBACK = "127.0.0.1";
  private static final int MAX_CALLS = 10_000;
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
  /** Any IPv4 literal in an extra argument must be the loopback address. */
  private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");

  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final Path statistics;

  private SippProcess(Process process, Path stdout, Path stderr, Path statistics) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.statistics = statistics;
  }

  /** A run whose files go to {@code target/sipp/<name>/}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Waits for SIPp to end on its own; past {@code deadline} it is killed and an
   * {@link AssertionError} carries the end of its stderr.
   */
  public SippResult awaitExit(Duration deadline) {
    try {
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new AssertionError("SIPp did not end within " + deadline + "; stderr: " + tail(stderr));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new AssertionError("interrupted waiting for SIPp", e);
    }
    long[] counts;
    try {
      counts = SippStatistics.successfulAndFailed(statistics);
    } catch (RuntimeException e) {
      throw new AssertionError("SIPp exited " + process.exitValue() + " without statistics; stderr: "
          + tail(stderr), e);
    }
    return new SippResult(process.exitValue(), counts[0], counts[1], stdout, stderr, statistics);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills SIPp if it still runs, and its children. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The last 2000 characters of {@code file}, for assertion messages. */
  public static String tail(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
    } catch (IOException e) {
      return "(unreadable " + file + ": " + e.getMessage() + ")";
    }
  }

  /** Collects the arguments; every value is checked before SIPp starts. */
  public static final class Builder {
    private final String name;
    private final List<String> scenario = new ArrayList<>();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<String> extra = new ArrayList<>();
    private int localPort;
    private Integer remotePort;
    private int calls;
    private Duration timeout = Duration.ofSeconds(30);
    private String transport = "u1";
    private Double rate;
    private Path directory;

    private Builder(String name) {
      if (!name.matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("SIPp run name must be a plain file name: " + name);
      }
      this.name = name;
      this.directory = Path.of("target", "sipp", name);
    }

    /** A scenario built into SIPp, e.g. {@code uac}, {@code uas}, {@code regexp}. */
    public Builder builtIn(String scenarioName) {
      scenario.clear();
      scenario.addAll(List.of("-sn", scenarioName));
      return this;
    }

    /** A scenario XML file, e.g. from {@code src/test/resources/sipp/}. */
    public Builder scenarioFile(Path file) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no SIPp scenario at " + file.toAbsolutePath());
      }
      scenario.clear();
      scenario.addAll(List.of("-sf", file.toString()));
      return this;
    }

    public Builder localPort(int port) {
      this.localPort = port;
      return this;
    }

    /** The peer SIPp sends to, always on 127.0.0.1; leave unset for a pure UAS. */
    public Builder remotePort(int port) {
      this.remotePort = port;
      return this;
    }

    /** {@code -m}: SIPp ends after this many calls, 1 to 10 000. */
    public Builder calls(int count) {
      this.calls = count;
      return this;
    }

    /** {@code -timeout}: SIPp ends after this long whatever happens, 1 s to 5 min. */
    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /** {@code -t}: {@code u1} (UDP, one socket; default) or {@code t1} (TCP, one connection). */
    public Builder transport(String mode) {
      if (!mode.equals("u1") && !mode.equals("t1")) {
        throw new IllegalArgumentException("transport must be u1 or t1: " + mode);
      }
      this.transport = mode;
      return this;
    }

    /** {@code -r}: new calls per second. */
    public Builder rate(double callsPerSecond) {
      this.rate = callsPerSecond;
      return this;
    }

    /** {@code -key name value}: a [name] keyword in the scenario. */
    public Builder key(String key, String value) {
      keys.put(key, value);
      return this;
    }

    /** More SIPp arguments; any address in them must be 127.0.0.1. */
    public Builder args(String... args) {
      for (String arg : args) {
        var matcher = IPV4.matcher(arg);
        while (matcher.find()) {
          if (!matcher.group().equals(LOOPBACK)) {
            throw new IllegalArgumentException("SIPp may only use 127.0.0.1, not " + arg);
          }
        }
        extra.add(arg);
      }
      return this;
    }

    /** Starts SIPp; the files of an earlier run of the same name are replaced. */
    public SippProcess start() {
      if (scenario.isEmpty()) {
        throw new IllegalStateException("choose builtIn(...) or scenarioFile(...)");
      }
      if (localPort < 1 || localPort > 65535) {
        throw new IllegalStateException("localPort must be set, 1 to 65535");
      }
      if (calls < 1 || calls > MAX_CALLS) {
        throw new IllegalStateException("calls must be 1 to " + MAX_CALLS + ", was " + calls);
      }
      if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalStateException("timeout must be 1 s to 5 min, was " + timeout);
      }
      try {
        Files.createDirectories(directory);
        Path stdout = directory.resolve("stdout.txt");
        Path stderr = directory.resolve("stderr.txt");
        Path statistics = directory.resolve("statistics.csv");
        Files.deleteIfExists(statistics);
        ProcessBuilder builder = new ProcessBuilder(command(statistics))
            .directory(directory.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
        return new SippProcess(builder.start(), stdout, stderr, statistics);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + SIPP, e);
      }
    }

    List<String> command(Path statistics) {
      List<String> command = new ArrayList<>(List.of(SIPP.toString()));
      command.addAll(scenario.stream().map(this::absoluteIfFile).toList());
      if (remotePort != null) {
        command.add(LOOPBACK + ":" + remotePort);
      }
      command.addAll(List.of("-i", LOOPBACK, "-p", String.valueOf(localPort),
          "-t", transport,
          "-m", String.valueOf(calls),
          "-timeout", timeout.toSeconds() + "s",
          "-timeout_error",
          "-nostdin",
          "-trace_stat", "-stf", statistics.toAbsolutePath().toString()));
      if (rate != null) {
        command.addAll(List.of("-r", String.valueOf(rate)));
      }
      keys.forEach((key, value) -> command.addAll(List.of("-key", key, value)));
      command.addAll(extra);
      return command;
    }

    private String absoluteIfFile(String arg) {
      Path path = Path.of(arg);
      return arg.endsWith(".xml") && Files.exists(path) ? path.toAbsolutePath().toString() : arg;
    }
  }
}
