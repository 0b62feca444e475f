package io.callflow.ops.cli;

import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.config.ConfigProblem;
import io.callflow.ops.config.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run [--config FILE]}: loads and checks the config (and the secrets it names),
 * starts the service, and blocks until the JVM is asked to stop (SIGTERM from systemd,
 * Ctrl-C), when a shutdown hook stops the service cleanly.
 */
public final class RunCommand implements Command {

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  private final Map<String, String> environment;
  private final Service.Starter starter;

  public RunCommand(Map<String, String> environment, Service.Starter starter) {
    this.environment = environment;
    this.starter = starter;
  }

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String arguments() {
    return "[--config FILE]";
  }

  @Override
  public String description() {
    return "run the service (on the built-in defaults without --config)";
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    Optional<Path> file = configFile(args);
    CallflowConfig config;
    Secrets secrets;
    try {
      config = new ConfigLoader().load(file);
      secrets = Secrets.resolve(config, environment);
    } catch (ConfigException e) {
      for (ConfigProblem p : e.problems()) {
        terminal.err().println(p.message());
      }
      return ExitCode.CONFIG;
    }
    Service service;
    try {
      service = starter.start(config, secrets);
    } catch (ConfigException e) {
      // A setting a module refused while being wired: still a config error, not a crash.
      for (ConfigProblem p : e.problems()) {
        terminal.err().println(p.message());
      }
      return ExitCode.CONFIG;
    } catch (RuntimeException e) {
      log.error("callflow failed to start: {}", e.getMessage(), e);
      return ExitCode.FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.stop();
      stopped.countDown();
    }, "callflow-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      service.stop();
    }
    return ExitCode.OK;
  }

  private static Optional<Path> configFile(List<String> args) {
    if (args.isEmpty()) {
      return Optional.empty();
    }
    if (args.size() == 2 && args.get(0).equals("--config")) {
      return Optional.of(Path.of(args.get(1)));
    }
    throw new UsageException("expects no arguments or --config FILE, got: " + String.join(" ", args));
  }
}
