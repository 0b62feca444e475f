package io.callflow.ops.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secret values read from the environment. The config file only names the variables
 * (for example {@code passwordEnv: CALLFLOW_TRUNK_PASSWORD}); under systemd they come
 * from {@code /etc/callflow/env}, outside the repository. {@link #toString()} never
 * shows a value.
 */
public final class Secrets {

  private final Map<String, String> values;

  private Secrets(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Reads every variable {@code config} names; all missing ones are reported together. */
  public static Secrets resolve(CallflowConfig config, Map<String, String> environment) {
    Map<String, String> found = new LinkedHashMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    List<SipConfig.RegisterAccount> accounts = config.sip().register();
    for (int i = 0; i < accounts.size(); i++) {
      read("sip.register[" + i + "].passwordEnv", accounts.get(i).passwordEnv(), environment, found, problems);
    }
    if (config.b2bua().routing() == B2buaConfig.Routing.REGISTRAR) {
      List<B2buaConfig.Account> phones = config.b2bua().registrar().accounts();
      for (int i = 0; i < phones.size(); i++) {
        read("b2bua.registrar.accounts[" + i + "].passwordEnv", phones.get(i).passwordEnv(), environment, found,
            problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Secrets(found);
  }

  private static void read(String key, String name, Map<String, String> environment, Map<String, String> found,
      List<ConfigProblem> problems) {
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      problems.add(new ConfigProblem(key, name, "environment variable " + name + " is not set; set it in the"
          + " service's environment (under systemd: /etc/callflow/env)"));
    } else {
      found.put(name, value);
    }
  }

  /** The value of {@code envVar}, if the config named it and it was set. */
  public Optional<String> get(String envVar) {
    return Optional.ofNullable(values.get(envVar));
  }

  @Override
  public String toString() {
    return "Secrets" + values.keySet();
  }
}
