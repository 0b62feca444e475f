package io.callflow.core.event;

import java.util.Optional;

/**
 * The pieces of information an agent records (PROCEDURE.md 3.1 c and e), by the key the
 * console sends. A fixed list, so that a typo in a field name is refused instead of stored.
 */
public enum InfoField {
  CUSTOMER_NAME("customerName"),
  /** Validated as a phone number and stored masked. */
  CONTACT_NUMBER("contactNumber"),
  PROBLEM("problem"),
  /** "yes" or "no": the customer is satisfied (step e). */
  SATISFIED("satisfied"),
  /** "yes" or "no": the customer accepts the solution (step e). */
  SOLUTION_ACCEPTED("solutionAccepted"),
  NOTE("note");

  private final String key;

  InfoField(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** True for the yes/no answers of the confirming step. */
  public boolean isYesNo() {
    return this == SATISFIED || this == SOLUTION_ACCEPTED;
  }

  public static Optional<InfoField> byKey(String key) {
    for (InfoField field : values()) {
      if (field.key.equals(key)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
