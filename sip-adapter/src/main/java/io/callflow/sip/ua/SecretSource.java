package io.callflow.sip.ua;

import java.util.Optional;

/**
 * Where passwords come from: environment variables named in config, never files (a file in a
 * deploy tree ends up in a repository or a backup). Tests pass a map instead of the environment.
 */
@FunctionalInterface
public interface SecretSource {

  /** The value of variable {@code name}, if set and not empty. */
  Optional<String> lookup(String name);

  /** The process environment. */
  static SecretSource environment() {
    return name -> Optional.ofNullable(System.getenv(name)).filter(value -> !value.isEmpty());
  }

  /**
   * The value of {@code name}, or a config error naming {@code setting} and what to do.
   * The message never contains the value.
   */
  default String require(String setting, String name) {
    return lookup(name).orElseThrow(() -> new IllegalArgumentException(setting + " names "
        + "environment variable " + name + ", which is not set; export it before starting"));
  }
}
