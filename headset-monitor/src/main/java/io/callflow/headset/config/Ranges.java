package io.callflow.headset.config;

import java.time.Duration;

/** Range checks that name the setting and its valid range, so a bad config says how to fix it. */
final class Ranges {

  private Ranges() {}

  static double between(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(key + " = " + value + " is out of range: must be between "
          + min + " and " + max);
    }
    return value;
  }

  static int between(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " = " + value + " is out of range: must be between "
          + min + " and " + max);
    }
    return value;
  }

  static Duration between(String key, Duration value, Duration min, Duration max) {
    if (value == null) {
      throw new IllegalArgumentException(key + " is missing: set a duration between " + min + " and " + max);
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(key + " = " + value + " is out of range: must be between "
          + min + " and " + max);
    }
    return value;
  }

  static void below(String lowKey, double low, String highKey, double high) {
    if (!(low < high)) {
      throw new IllegalArgumentException(lowKey + " = " + low + " must be below " + highKey + " = " + high);
    }
  }
}
