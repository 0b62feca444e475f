package io.callflow.core.policy;

import java.time.Duration;

/** Validation for settings records: every failure names the setting and what is valid. */
public final class SettingCheck {

  private SettingCheck() {}

  /** Throws unless {@code value} is within {@code [min, max]}. */
  public static void range(String setting, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(setting + ": must be between " + min + " and " + max
          + ", was " + value);
    }
  }

  /** Throws unless {@code value} is within {@code [min, max]}. */
  public static void range(String setting, Duration value, Duration min, Duration max) {
    notNull(setting, value);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(setting + ": must be between " + min + " and " + max
          + ", was " + value);
    }
  }

  public static void notNull(String setting, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(setting + ": is required");
    }
  }

  public static void notBlank(String setting, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(setting + ": must not be empty");
    }
  }
}
