package io.callflow.sip.b2bua;

import io.callflow.core.policy.DropCauseTable;
import java.util.Objects;
import java.util.Set;

/**
 * What counts as a drop (config {@code b2bua.drops.*}).
 *
 * @param q850Causes which Q.850 causes in a BYE's Reason make the leg end a drop: core's one
 *     table (config {@code procedure.dropCauses}), so the engine and the signalling side can
 *     never disagree about a cause. Defaults in {@link DropCauseTable#defaults()}.
 * @param failureSipCodes {@code sip-failure-codes}: status codes, 300..699, that make the leg
 *     end a drop when they answer an in-dialog request or appear as a {@code SIP} cause in a
 *     BYE's Reason. Default 408 (RFC 3261 §12.2.1.2) and 481 (dialog gone).
 * @param byeWithoutReasonIsDrop {@code bye-without-reason-is-drop}: default false, a plain
 *     BYE is someone hanging up.
 */
public record DropSettings(
    DropCauseTable q850Causes, Set<Integer> failureSipCodes, boolean byeWithoutReasonIsDrop) {

  /** Q.850 cause values are 7 bits (ITU-T Q.850 §2.2.5). */
  public static final int MAX_Q850_CAUSE = 127;

  public DropSettings {
    Objects.requireNonNull(q850Causes, "q850Causes");
    Objects.requireNonNull(failureSipCodes, "failureSipCodes");
    for (int code : failureSipCodes) {
      if (code < 300 || code > 699) {
        throw new IllegalArgumentException("b2bua.drops.sip-failure-codes: " + code
            + " is not a failure status code; use values 300..699");
      }
    }
    failureSipCodes = Set.copyOf(failureSipCodes);
  }

  /** The defaults listed on the record. */
  public static DropSettings defaults() {
    return new DropSettings(DropCauseTable.defaults(), Set.of(408, 481), false);
  }
}
