package io.callflow.headset.metrics;

import io.callflow.headset.health.HealthState;

/**
 * The latest readings of one agent's headset that the gauges show. The monitor writes them
 * under its lock; scrapes read them from another thread, hence volatile. NaN means "not
 * known" (a wired headset's battery, a dose before any audio).
 */
public final class AgentReadings {

  public volatile double connected;
  public volatile double batteryRatio = Double.NaN;
  public volatile double noiseDba = Double.NaN;
  public volatile double doseRatio = Double.NaN;
  public volatile double lex8hDba = Double.NaN;
  public volatile double gapSeconds;
  public volatile HealthState state = HealthState.DISCONNECTED;
}
