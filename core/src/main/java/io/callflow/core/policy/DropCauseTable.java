package io.callflow.core.policy;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which ITU-T Q.850 causes (carried in the Reason header, RFC 3326 section 2) mean a leg
 * was lost rather than hung up. Defaults: failure = 27 destination out of order,
 * 34 no circuit available, 38 network out of order, 41 temporary failure, 42 switching
 * equipment congestion, 47 resource unavailable, 102 recovery on timer expiry; normal =
 * 16 normal clearing, 31 normal unspecified. A leg ended without a cause is a hangup.
 *
 * @param failureCauses {@code drop-causes.failure}, each 1 to 127
 * @param normalCauses {@code drop-causes.normal}, each 1 to 127, disjoint from failure
 * @param unlisted {@code drop-causes.unlisted}: what any other cause means, default HANGUP
 *     so that a customer who deliberately rejects a call is never called back
 */
public record DropCauseTable(Set<Integer> failureCauses, Set<Integer> normalCauses,
    LegEndKind unlisted) {

  /** The cause value field of the Q.850 cause information element is 7 bits wide. */
  private static final int MAX_CAUSE = 127;

  public DropCauseTable {
    SettingCheck.notNull("drop-causes.failure", failureCauses);
    SettingCheck.notNull("drop-causes.normal", normalCauses);
    SettingCheck.notNull("drop-causes.unlisted", unlisted);
    for (int cause : failureCauses) {
      SettingCheck.range("drop-causes.failure", cause, 1, MAX_CAUSE);
    }
    for (int cause : normalCauses) {
      SettingCheck.range("drop-causes.normal", cause, 1, MAX_CAUSE);
    }
    Set<Integer> both = new TreeSet<>(failureCauses);
    both.retainAll(normalCauses);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("drop-causes: " + both
          + " listed as both failure and normal; keep each cause in one list");
    }
    failureCauses = Set.copyOf(failureCauses);
    normalCauses = Set.copyOf(normalCauses);
  }

  public static DropCauseTable defaults() {
    return new DropCauseTable(Set.of(27, 34, 38, 41, 42, 47, 102), Set.of(16, 31),
        LegEndKind.HANGUP);
  }

  /** What a leg ending with {@code q850Cause} (null: no cause given) means. */
  public LegEndKind classify(Integer q850Cause) {
    if (q850Cause == null || normalCauses.contains(q850Cause)) {
      return LegEndKind.HANGUP;
    }
    return failureCauses.contains(q850Cause) ? LegEndKind.DROP : unlisted;
  }
}
