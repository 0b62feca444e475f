package io.callflow.headset.health;

/** How bad an active condition is; the device's health is the worst severity among its conditions. */
public enum Severity {
  DEGRADED,
  FAULT;

  public static Severity worse(Severity a, Severity b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
