package io.callflow.sip.b2bua;

import java.util.Objects;
import java.util.Set;

/**
 * What counts as a drop (config {@code b2bua.drops.*}).
 *
 * @param failureQ850Causes {@code q850-failure-causes}: Q.850 causes in a BYE's Reason that
 *     make the leg end a drop, each 1..127 (ITU-T Q.850 §2.2). Default 27 (destination out of
 *     order), 34 (no circuit available), 38 (network out of order), 41 (temporary failure),
 *     42 (switching equipment congestion), 47 (resource unavailable), 102 (recovery on timer
 *     expiry). 16 (normal clearing) and 31 (normal, unspecified) are normal by default.
 * @param failureSipCodes {@code sip-failure-codes}: status codes, 300..699, that make the leg
 *     end a drop when they answer an in-dialog request or appear as a {@code SIP} cause in a
 *     BYE's Reason. Default 408 (RFC 3261 §12.2.1.2) and 481 (dialog gone).
 * @param byeWithoutReasonIsDrop {@code bye-without-reason-is-drop}: default false, a plain
 *     BYE is someone hanging up.
 */
public record DropSettings(
    Set<Integer> failureQ850Causes, Set<Integer> failureSipCodes, boolean byeWithoutReasonIsDrop) {

  /** Q.850 cause values are 7 bits (ITU-T Q.850 §2.2.5). */
  public static final int MAX_Q850_CAUSE = 127;

  public DropSettings {
    Objects.requireNonNull(failureQ850Causes, "failureQ850Causes");
    Objects.requireNonNull(failureSipCodes, "failureSipCodes");
    for (int cause : failureQ850Causes) {
      if (cause < 1 || cause > MAX_Q850_CAUSE) {
        throw new IllegalArgumentException("b2bua.drops.q850-failure-causes: " + cause
            + " is not a Q.850 cause; use values 1.." + MAX_Q850_CAUSE);
      }
    }
    for (int code : failureSipCodes) {
      if (code < 300 || code > 699) {
        throw new IllegalArgumentException("b2bua.drops.sip-failure-codes: " + code
            + " is not a failure status code; use values 300..699");
      }
    }
    failureQ850Causes = Set.copyOf(failureQ850Causes);
    failureSipCodes = Set.copyOf(failureSipCodes);
  }

  /** The defaults listed on the record. */
  public static DropSettings defaults() {
    return new DropSettings(Set.of(27, 34, 38, 41, 42, 47, 102), Set.of(408, 481), false);
  }
}
