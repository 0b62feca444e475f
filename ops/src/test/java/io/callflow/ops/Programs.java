package io.callflow.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real program to completion, bounded in time, for integration tests. */
public final class Programs {

  /** Exit code and everything the program wrote to stdout and stderr, merged. */
  public record Result(int exitCode, String output) {}

  private Programs() {}

  /** The repository root (tests run with the module directory as working directory). */
  public static Path repoRoot() {
    return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  }

  /**
   * Runs {@code command}, feeding {@code stdin} if not null; kills it and fails if it takes
   * longer than {@code timeout}.
   */
  public static Result run(Duration timeout, Path stdin, List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("program", ".out");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      if (stdin != null) {
        builder.redirectInput(stdin.toFile());
      }
      Process process = builder.start();
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError(command + " did not finish within " + timeout);
        }
      } finally {
        process.destroyForcibly();
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
