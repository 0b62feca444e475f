package io.callflow.headset;

import io.callflow.headset.shiftcheck.ShiftCheckResult;

/** The answer to a start-of-shift check POST: the verdict per item, or a 400 naming the field. */
public sealed interface ShiftCheckOutcome {

  record Judged(ShiftCheckResult result) implements ShiftCheckOutcome {}

  record Rejected(String field, String reason) implements ShiftCheckOutcome {
    public String message() {
      return field + ": " + reason;
    }
  }
}
