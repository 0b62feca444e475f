package io.callflow.headset.health;

/**
 * One evaluation of one condition: how bad it looks now (null for fine), what shows it,
 * and whether it should raise at once (an agent's own report, a cumulative dose, a check
 * result) rather than after the configured number of consecutive evaluations.
 */
public record Observation(FaultType type, Severity severity, String evidence, boolean immediate) {

  public static Observation fine(FaultType type) {
    return new Observation(type, null, null, false);
  }

  public boolean bad() {
    return severity != null;
  }
}
