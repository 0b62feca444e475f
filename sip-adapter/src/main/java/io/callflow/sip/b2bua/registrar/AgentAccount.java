package io.callflow.sip.b2bua.registrar;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One agent allowed to register (config {@code b2bua.registrar.accounts[]}).
 *
 * @param agentId {@code agent}: the agent's login in the {@code AgentPool}, console and metrics,
 *     an RFC 3261 token
 * @param user {@code user}: the Digest user name and the user part of the phone's To and From
 *     (often an extension number, so it is logged masked)
 * @param passwordEnv {@code password-env}: the environment variable holding the password; the
 *     password itself is never in config
 * @param queues {@code queues}: the queue numbers the agent serves, at least one
 */
public record AgentAccount(String agentId, String user, String passwordEnv, Set<String> queues) {

  /** RFC 3261 §25.1 token. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]{1,64}");
  /** An RFC 3261 §25.1 user part limited to unreserved characters, which every phone can enter. */
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._~+-]{1,64}");
  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final Pattern QUEUE = Pattern.compile("[0-9]{1,20}");

  public AgentAccount {
    if (agentId == null || !TOKEN.matcher(agentId).matches()) {
      throw new IllegalArgumentException(RegistrarSettings.KEY + "accounts[].agent '" + agentId
          + "' must be 1 to 64 token characters (letters, digits, -.!%*_+`'~)");
    }
    String key = RegistrarSettings.KEY + "accounts[" + agentId + "].";
    if (user == null || !USER.matcher(user).matches()) {
      throw new IllegalArgumentException(key + "user must be 1 to 64 letters, digits or ._~+-, was '"
          + user + "'");
    }
    if (passwordEnv == null || !ENV.matcher(passwordEnv).matches()) {
      throw new IllegalArgumentException(key + "password-env must name an environment variable "
          + "(letters, digits, '_'), was '" + passwordEnv + "'");
    }
    Objects.requireNonNull(queues, key + "queues");
    if (queues.isEmpty()) {
      throw new IllegalArgumentException(key + "queues must list at least one queue number");
    }
    for (String queue : queues) {
      if (queue == null || !QUEUE.matcher(queue).matches()) {
        throw new IllegalArgumentException(key + "queues: '" + queue + "' must be 1 to 20 digits");
      }
    }
    queues = Set.copyOf(queues);
  }
}
