package io.callflow.headset.fault;

import io.callflow.headset.health.FaultType;
import io.callflow.headset.health.Severity;
import java.time.Instant;

/**
 * One headset fault as supervisors see it: when it was raised, whose and where, what it is,
 * the evidence, the first-line fix, and its current status.
 */
public record Fault(String id, Instant raisedAt, String agentId, String site, String seat, String deviceId,
    FaultType type, Severity severity, String evidence, FaultStatus status, Instant statusAt, String statusBy) {

  public String description() {
    return type.description() + " (" + severity.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  public String troubleshooting() {
    return type.troubleshooting();
  }

  Fault withStatus(FaultStatus next, Instant at, String by) {
    return new Fault(id, raisedAt, agentId, site, seat, deviceId, type, severity, evidence, next, at, by);
  }

  Fault withSeverity(Severity next, String newEvidence) {
    return new Fault(id, raisedAt, agentId, site, seat, deviceId, type, next, newEvidence, status, statusAt, statusBy);
  }
}
