package io.callflow.sip.b2bua.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian {@code sip-tester}) for integration tests, on 127.0.0.1 only: a built-in uas
 * kept running until closed, and bounded uac runs (call count, rate and an overall
 * {@code -timeout}) whose exit code and call counters are returned. The binary is
 * {@code /usr/bin/sipp} unless the system property {@code sipp.binary} names another.
 */
public final class SippProcess implements AutoCloseable {

  private static final Duration START_LIMIT = Duration.ofSeconds(10);
  /** SIPp's own -timeout ends a run; this is only a backstop should SIPp hang. */
  private static final long BACKSTOP_EXTRA_SECONDS = 15;

  private final ExternalProcess process;
  private final int port;

  private SippProcess(ExternalProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  private static String binary() {
    return System.getProperty("sipp.binary", "/usr/bin/sipp");
  }

  /** Starts SIPp's built-in uas (answers each INVITE with 180 then 200) on a free port. */
  public static SippProcess startUas(Path workDir) throws IOException {
    Files.createDirectories(workDir);
    int port = LoopbackUdp.freePort();
    ExternalProcess process = new ExternalProcess(List.of(binary(), "-sn", "uas", "-i", "127.0.0.1",
        "-p", Integer.toString(port), "-nostdin", "-default_behaviors", "none"), workDir);
    try {
      LoopbackUdp.awaitListening(port, START_LIMIT, process::isAlive, "sipp uas");
    } catch (IOException e) {
      process.close();
      throw new IOException(e.getMessage() + "; sipp said:\n" + process.output(), e);
    }
    return new SippProcess(process, port);
  }

  public int port() {
    return port;
  }

  /** The URI a proxy should relay to to reach this uas. */
  public String uri() {
    return "sip:127.0.0.1:" + port;
  }

  /** The outcome of a uac run: SIPp's exit code (0: every call succeeded) and its final counters. */
  public record UacResult(int exitCode, long successfulCalls, long failedCalls, String output) {}

  /**
   * Runs SIPp's built-in uac against {@code target} (127.0.0.1 only): {@code calls} calls at
   * {@code rate} calls/s, stopped by SIPp after {@code timeout} at the latest.
   */
  public static UacResult runUac(InetSocketAddress target, int calls, int rate, Duration timeout, Path workDir)
      throws IOException, InterruptedException {
    if (!target.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("SIPp may only call 127.0.0.1, not " + target);
    }
    Files.createDirectories(workDir);
    Path stats = workDir.resolve("uac-stat.csv");
    List<String> command = new ArrayList<>(List.of(binary(), "-sn", "uac", "127.0.0.1:" + target.getPort(),
        "-i", "127.0.0.1", "-p", Integer.toString(LoopbackUdp.freePort()), "-nostdin",
        "-m", Integer.toString(calls), "-r", Integer.toString(rate),
        "-timeout", timeout.toSeconds() + "s", "-timeout_error",
        "-trace_stat", "-stf", stats.toString(), "-trace_err"));
    try (ExternalProcess uac = new ExternalProcess(command, workDir)) {
      if (!uac.process().waitFor(timeout.toSeconds() + BACKSTOP_EXTRA_SECONDS, TimeUnit.SECONDS)) {
        throw new IOException("sipp uac did not stop by its own -timeout; output:\n" + uac.output());
      }
      return new UacResult(uac.process().exitValue(), lastStat(stats, "SuccessfulCall(C)"),
          lastStat(stats, "FailedCall(C)"), uac.output());
    }
  }

  /** A cumulative counter from the last row of a SIPp -trace_stat file; -1 when missing. */
  static long lastStat(Path statFile, String column) throws IOException {
    if (!Files.exists(statFile)) {
      return -1;
    }
    List<String> lines = Files.readAllLines(statFile);
    if (lines.size() < 2) {
      return -1;
    }
    int index = Arrays.asList(lines.get(0).split(";")).indexOf(column);
    String[] last = lines.get(lines.size() - 1).split(";");
    return index < 0 || index >= last.length ? -1 : Long.parseLong(last[index].trim());
  }

  @Override
  public void close() {
    process.close();
  }
}
