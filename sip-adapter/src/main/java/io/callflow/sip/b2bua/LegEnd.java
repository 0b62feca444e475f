package io.callflow.sip.b2bua;

import java.util.Objects;

/**
 * The verdict on one leg's end.
 *
 * @param kind normal hangup or drop
 * @param cause a short label from a bounded set, fit for a metric label: {@code q850_<n>},
 *     {@code sip_<code>}, {@code no_reason}, {@code session_timer}, {@code transport},
 *     {@code agent_report}, {@code transfer}
 * @param description a sentence for records and the supervisor console
 */
public record LegEnd(Kind kind, String cause, String description) {

  /** Whether the leg ended as intended. */
  public enum Kind {
    /** Someone hung up, or the call was handed on. */
    NORMAL,
    /** The leg was lost: the procedure's "call interrupted" (PROCEDURE.md 3.3 c). */
    DROP
  }

  public LegEnd {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(description, "description");
  }

  public boolean isDrop() {
    return kind == Kind.DROP;
  }
}
