package io.callflow.ops.store;

import io.callflow.core.store.CallRecord.FaultRecorded;
import java.time.Instant;
import java.util.Objects;

/**
 * A recorded fault with its current status: what the supervisor page lists and what the
 * acknowledge/close endpoints act on.
 *
 * @param fault the fault as it was recorded
 * @param status its newest status
 * @param statusAt when that status was set (the fault's own time while it is OPEN)
 * @param statusBy who set it, or null while it is OPEN
 */
public record FaultView(FaultRecorded fault, FaultStatus status, Instant statusAt, String statusBy) {

  public FaultView {
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statusAt, "statusAt");
  }

  public String faultId() {
    return fault.faultId();
  }
}
