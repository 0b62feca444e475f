package io.callflow.ops.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the subcommand from the first argument and runs it. Anything it cannot make
 * sense of (no command, an unknown one, {@code --help}, bad arguments) prints the usage
 * on stderr and exits {@value ExitCode#USAGE}. New commands are added by passing them in.
 */
public final class Cli {

  private final Map<String, Command> commands = new LinkedHashMap<>();

  public Cli(List<Command> commands) {
    for (Command c : commands) {
      if (this.commands.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two commands named " + c.name());
      }
    }
  }

  public int run(String[] args, Terminal terminal) {
    if (args.length == 0) {
      return usage(terminal, "no command given");
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      return usage(terminal, isHelp(args[0]) ? null : "unknown command: " + args[0]);
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    if (rest.stream().anyMatch(Cli::isHelp)) {
      return usage(terminal, null);
    }
    try {
      return command.run(rest, terminal);
    } catch (UsageException e) {
      return usage(terminal, command.name() + ": " + e.getMessage());
    }
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  private int usage(Terminal terminal, String problem) {
    if (problem != null) {
      terminal.err().println("callflow: " + problem);
    }
    terminal.err().println("usage: callflow <command> [arguments]");
    terminal.err().println();
    terminal.err().println("commands:");
    int width = commands.values().stream().mapToInt(c -> (c.name() + " " + c.arguments()).length()).max().orElse(0);
    for (Command c : commands.values()) {
      String left = c.name() + " " + c.arguments();
      terminal.err().println("  " + left + " ".repeat(width - left.length() + 3) + c.description());
    }
    terminal.err().println();
    terminal.err().println("exit codes: 0 ok, 1 failure, 2 configuration error, 64 usage error");
    return ExitCode.USAGE;
  }
}
