package io.callflow.ops.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a command writes what the operator asked for (stdout) and why it refused
 * (stderr). Logs go through SLF4J instead; tests pass in-memory streams.
 *
 * @param out the command's result, such as a config summary
 * @param err usage and error messages
 */
public record Terminal(PrintStream out, PrintStream err) {

  /** The process's standard streams. */
  public static Terminal system() {
    return new Terminal(
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
  }
}
