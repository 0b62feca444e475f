package io.callflow.ops.cli;

import java.util.List;

/** One subcommand of {@code bin/callflow}. */
public interface Command {

  /** The word that selects it: {@code run}, {@code check-config}. */
  String name();

  /** Arguments as shown in the usage, e.g. {@code [--config FILE]}. */
  String arguments();

  /** One line for the usage. */
  String description();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command word
   * @return the process exit code ({@link ExitCode})
   * @throws UsageException if {@code args} are not what {@link #arguments()} says
   */
  int run(List<String> args, Terminal terminal);
}
