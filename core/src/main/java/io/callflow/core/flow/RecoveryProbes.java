package io.callflow.core.flow;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The answers to the in-dialog probes of a call recovered after a restart: which legs are
 * still up. A leg with no saved snapshot cannot be probed and counts as gone at once; a leg
 * whose probe is not answered in time counts as gone too, so every call gets a decision.
 */
final class RecoveryProbes {

  private final CallId id;
  private final CallOutput out;
  private final Map<Leg, Boolean> alive = new EnumMap<>(Leg.class);

  RecoveryProbes(CallId id, CallOutput out) {
    this.id = id;
    this.out = out;
  }

  /** Asks the SIP side to probe each leg that has a snapshot. */
  void probe(Map<Leg, byte[]> snapshots) {
    for (Leg leg : Leg.values()) {
      byte[] snapshot = snapshots.get(leg);
      if (snapshot == null) {
        answer(leg, false, "no saved dialog");
      } else {
        out.add(new SipCommand.ProbeLeg(id, leg, snapshot));
      }
    }
  }

  boolean answered(Leg leg) {
    return alive.containsKey(leg);
  }

  void answer(Leg leg, boolean up, String detail) {
    alive.put(leg, up);
    out.audit("recovery-probe", up ? "alive" : "gone", "leg " + leg
        + (detail == null ? "" : ": " + detail));
  }

  /** Every leg not answered yet is gone. */
  void timeOut(Duration timeout) {
    for (Leg leg : Leg.values()) {
      if (!answered(leg)) {
        answer(leg, false, "no answer within " + timeout);
      }
    }
  }

  boolean settled() {
    return alive.size() == Leg.values().length;
  }

  boolean isAlive(Leg leg) {
    return Boolean.TRUE.equals(alive.get(leg));
  }
}
