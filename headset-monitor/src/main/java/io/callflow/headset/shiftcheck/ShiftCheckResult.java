package io.callflow.headset.shiftcheck;

import java.util.List;

/** The verdict on a start-of-shift headset check, item by item. */
public record ShiftCheckResult(ShiftCheckReport report, List<CheckItem> items) {

  public ShiftCheckResult {
    items = List.copyOf(items);
  }

  public boolean passed() {
    return items.stream().allMatch(CheckItem::passed);
  }

  /** The failed items' reasons joined, for the fault's evidence; empty when all passed. */
  public String failures() {
    return String.join("; ", items.stream().filter(item -> !item.passed()).map(CheckItem::reason).toList());
  }
}
