package io.callflow.sip.ua;

import java.time.Duration;
import java.util.Objects;

/**
 * One registration the service keeps up (config {@code sip.registrations[name].*}).
 *
 * @param name label in metrics and logs: letters, digits, '.', '_', '-', 1 to 64
 * @param registrar Request-URI of the REGISTER, e.g. {@code sip:pbx.example.com} (RFC 3261 §10.2)
 * @param aor address-of-record for To and From, e.g. {@code sip:agent7@example.com}
 * @param contact the Contact to bind, e.g. {@code sip:agent7@192.0.2.5:5060}
 * @param username digest user name
 * @param passwordEnv name of the environment variable holding the password
 * @param expires requested binding lifetime, 60 s to 1 day; default 3600 s (RFC 3261 §10.2.1.1)
 * @param backoffBase RFC 5626 §4.5 base-time, 1 s to 1 h; default 30 s
 * @param backoffMax RFC 5626 §4.5 max-time, backoffBase to 1 day; default 1800 s
 */
public record RegistrationSettings(
    String name, String registrar, String aor, String contact, String username,
    String passwordEnv, Duration expires, Duration backoffBase, Duration backoffMax) {

  public static final Duration DEFAULT_EXPIRES = Duration.ofSeconds(3600);
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(1800);
  static final Duration MIN_EXPIRES = Duration.ofSeconds(60);
  static final Duration MAX_EXPIRES = Duration.ofDays(1);

  public RegistrationSettings {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("sip.registrations name '" + name
          + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    String key = "sip.registrations[" + name + "].";
    requireUri(key + "registrar", registrar);
    requireUri(key + "aor", aor);
    requireUri(key + "contact", contact);
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException(key + "username must not be empty");
    }
    if (passwordEnv == null || !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
      throw new IllegalArgumentException(key + "passwordEnv must name an environment variable "
          + "(letters, digits, '_'), was '" + passwordEnv + "'");
    }
    requireRange(key + "expires", expires, MIN_EXPIRES, MAX_EXPIRES);
    requireRange(key + "backoffBase", backoffBase, Duration.ofSeconds(1), Duration.ofHours(1));
    requireRange(key + "backoffMax", backoffMax, backoffBase, MAX_EXPIRES);
  }

  /** The settings with the defaults for expires and back-off. */
  public static RegistrationSettings of(String name, String registrar, String aor,
      String contact, String username, String passwordEnv) {
    return new RegistrationSettings(name, registrar, aor, contact, username, passwordEnv,
        DEFAULT_EXPIRES, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX);
  }

  private static void requireUri(String key, String value) {
    if (value == null || !value.matches("(?i)sips?:\\S+")) {
      throw new IllegalArgumentException(key + " must be a sip: or sips: URI, was '" + value + "'");
    }
  }

  static void requireRange(String key, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, key);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(key + " must be " + text(min) + " to " + text(max)
          + ", was " + text(value));
    }
  }

  private static String text(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
