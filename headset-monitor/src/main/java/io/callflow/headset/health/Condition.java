package io.callflow.headset.health;

/**
 * One condition of one device with hysteresis: it is raised after {@code raiseAfter}
 * consecutive bad observations (or at once for an immediate one), may only escalate while
 * raised, and clears after {@code clearAfter} consecutive fine ones. A signal that flips
 * every sample therefore neither raises nor clears anything.
 */
final class Condition {

  private final int raiseAfter;
  private final int clearAfter;
  private int badRun;
  private int fineRun;
  private Severity active;
  private String evidence;

  Condition(int raiseAfter, int clearAfter) {
    this.raiseAfter = raiseAfter;
    this.clearAfter = clearAfter;
  }

  ConditionChange observe(Observation observation) {
    if (observation.bad()) {
      fineRun = 0;
      badRun++;
      if (active == null && (observation.immediate() || badRun >= raiseAfter)) {
        active = observation.severity();
        evidence = observation.evidence();
        return ConditionChange.RAISED;
      }
      if (active != null && observation.severity().compareTo(active) > 0) {
        active = observation.severity();
        evidence = observation.evidence();
        return ConditionChange.ESCALATED;
      }
      return ConditionChange.NONE;
    }
    badRun = 0;
    fineRun++;
    if (active != null && (observation.immediate() || fineRun >= clearAfter)) {
      active = null;
      evidence = null;
      return ConditionChange.CLEARED;
    }
    return ConditionChange.NONE;
  }

  Severity active() {
    return active;
  }

  String evidence() {
    return evidence;
  }
}
