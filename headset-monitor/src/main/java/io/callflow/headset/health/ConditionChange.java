package io.callflow.headset.health;

/** What one observation did to its condition. */
public enum ConditionChange {
  NONE,
  RAISED,
  ESCALATED,
  CLEARED
}
