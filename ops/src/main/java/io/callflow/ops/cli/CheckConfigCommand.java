package io.callflow.ops.cli;

import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.config.ConfigProblem;
import io.callflow.ops.headset.HeadsetSettingsMapping;
import io.callflow.ops.sip.B2buaSettingsMapping;
import io.callflow.ops.sip.SipSettingsMapping;
import io.callflow.ops.wiring.EngineSettings;
import io.callflow.ops.wiring.StoreWiring;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code check-config FILE}: validates FILE over the defaults without starting anything. */
public final class CheckConfigCommand implements Command {

  private final Map<String, String> environment;

  public CheckConfigCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public String name() {
    return "check-config";
  }

  @Override
  public String arguments() {
    return "FILE";
  }

  @Override
  public String description() {
    return "validate FILE over the built-in defaults and print a summary";
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    if (args.size() != 1) {
      throw new UsageException("expects exactly one FILE, got " + args.size() + " arguments");
    }
    Path file = Path.of(args.get(0));
    CallflowConfig config;
    try {
      config = new ConfigLoader().load(Optional.of(file));
      // The modules' own checks, exactly as run will map them.
      EngineSettings engine = EngineSettings.from(config.procedure());
      StoreWiring.settings(config.store());
      HeadsetSettingsMapping.from(config.headset());
      SipSettingsMapping.check(config.sip());
      B2buaSettingsMapping.check(config.b2bua(), config.sip(), engine.settings().dropCauses());
    } catch (ConfigException e) {
      for (ConfigProblem p : e.problems()) {
        terminal.err().println(p.message());
      }
      return ExitCode.CONFIG;
    }
    terminal.out().println("config ok: " + file);
    ConfigSummary.lines(config, environment).forEach(line -> terminal.out().println("  " + line));
    return ExitCode.OK;
  }
}
