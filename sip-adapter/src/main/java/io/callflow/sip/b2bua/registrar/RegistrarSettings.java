package io.callflow.sip.b2bua.registrar;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The registrar for agent phones (config {@code b2bua.registrar.*}). Expiry values are whole
 * seconds because Expires and the Contact {@code expires} parameter are delta-seconds
 * (RFC 3261 §20.19, §20.10).
 *
 * @param realm {@code realm}: the Digest realm phones are challenged with (RFC 2617 §3.2.1),
 *     usually the service's domain; no quotes or backslashes
 * @param accounts {@code accounts}: the agents allowed to register, unique agent ids and users
 * @param minExpires {@code min-expires}: shorter non-zero requests get 423 with Min-Expires
 *     (RFC 3261 §10.3 step 7); 1 s to 1 day, default 60 s
 * @param maxExpires {@code max-expires}: longer requests are granted this; min-expires to 1 day,
 *     default 3600 s
 * @param defaultExpires {@code default-expires}: granted when a REGISTER names no expiry;
 *     min-expires to max-expires, default 3600 s
 * @param nonceLifetime {@code nonce-lifetime}: how long a challenge's nonce is accepted before
 *     the phone is re-challenged with {@code stale=true} (RFC 2617 §3.2.1); 10 s to 1 day,
 *     default 300 s
 */
public record RegistrarSettings(String realm, List<AgentAccount> accounts, Duration minExpires,
    Duration maxExpires, Duration defaultExpires, Duration nonceLifetime) {

  /** The config prefix every key in an error message starts with. */
  static final String KEY = "b2bua.registrar.";
  public static final Duration DEFAULT_MIN_EXPIRES = Duration.ofSeconds(60);
  public static final Duration DEFAULT_MAX_EXPIRES = Duration.ofSeconds(3600);
  public static final Duration DEFAULT_EXPIRES = Duration.ofSeconds(3600);
  public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofSeconds(300);
  private static final Duration ONE_DAY = Duration.ofDays(1);

  public RegistrarSettings {
    if (realm == null || realm.isBlank() || realm.length() > 128
        || realm.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20 || c > 0x7e)) {
      throw new IllegalArgumentException(KEY + "realm must be 1 to 128 printable ASCII characters "
          + "without quotes or backslashes, e.g. the service's domain; was '" + realm + "'");
    }
    Objects.requireNonNull(accounts, KEY + "accounts");
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException(KEY + "accounts must list at least one agent");
    }
    Set<String> ids = new HashSet<>();
    Set<String> users = new HashSet<>();
    for (AgentAccount account : accounts) {
      Objects.requireNonNull(account, KEY + "accounts[]");
      if (!ids.add(account.agentId())) {
        throw new IllegalArgumentException(KEY + "accounts: agent " + account.agentId()
            + " is listed twice; give each agent one account");
      }
      if (!users.add(account.user())) {
        throw new IllegalArgumentException(KEY + "accounts[" + account.agentId() + "].user is "
            + "already used by another account; each phone needs its own user");
      }
    }
    accounts = List.copyOf(accounts);
    requireSeconds("min-expires", minExpires, Duration.ofSeconds(1), ONE_DAY);
    requireSeconds("max-expires", maxExpires, minExpires, ONE_DAY);
    requireSeconds("default-expires", defaultExpires, minExpires, maxExpires);
    requireSeconds("nonce-lifetime", nonceLifetime, Duration.ofSeconds(10), ONE_DAY);
  }

  /** The settings with every default: min 60 s, max 3600 s, default 3600 s, nonces for 300 s. */
  public static RegistrarSettings of(String realm, List<AgentAccount> accounts) {
    return new RegistrarSettings(realm, accounts, DEFAULT_MIN_EXPIRES, DEFAULT_MAX_EXPIRES,
        DEFAULT_EXPIRES, DEFAULT_NONCE_LIFETIME);
  }

  private static void requireSeconds(String key, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, KEY + key);
    if (value.toMillis() % 1000 != 0 || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(KEY + key + " must be whole seconds from " + min.toSeconds()
          + " s to " + max.toSeconds() + " s, was " + value.toMillis() + " ms");
    }
  }
}
