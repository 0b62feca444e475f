package io.callflow.core.flow;

import io.callflow.core.event.CallEvent;
import io.callflow.core.event.InfoField;
import io.callflow.core.model.PhoneNumber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is known about one call's parties and what the agent has recorded, and the rules
 * for recording it: known fields only, non-empty values, a contact number that parses,
 * yes/no answers where the step asks a question, and what a step needs before it can be
 * completed.
 */
final class CallData {

  /** PROCEDURE.md 3.1 c: name, contact details and problem details. */
  private static final Set<InfoField> COLLECTING_INFO_NEEDS =
      Set.of(InfoField.CUSTOMER_NAME, InfoField.CONTACT_NUMBER, InfoField.PROBLEM);
  /** PROCEDURE.md 3.1 e: satisfied, and accepts the solution. */
  private static final Set<InfoField> CONFIRMING_NEEDS =
      Set.of(InfoField.SATISFIED, InfoField.SOLUTION_ACCEPTED);

  private final String agentId;
  private final String customerMasked;
  private final Map<InfoField, String> recorded = new EnumMap<>(InfoField.class);

  CallData(String agentId, String customerMasked) {
    this.agentId = agentId;
    this.customerMasked = customerMasked;
  }

  /**
   * One validated piece of information. {@code value} is what the engine keeps (a contact
   * number normalised); {@code storedValue} is what goes to the record store (masked).
   */
  record Entry(InfoField field, String value, String storedValue) {}

  String agentId() {
    return agentId;
  }

  String customerMasked() {
    return customerMasked;
  }

  void put(Entry entry) {
    recorded.put(entry.field(), entry.value());
  }

  static Entry validate(CallEvent event, CallState state, String key, String value) {
    InfoField field = InfoField.byKey(key).orElseThrow(() -> invalid(event, state,
        "unknown field '" + key + "'; known fields: " + Arrays.stream(InfoField.values())
            .map(InfoField::key).toList()));
    if (value == null || value.isBlank()) {
      throw invalid(event, state, "field " + key + " is required and must not be empty");
    }
    if (field == InfoField.CONTACT_NUMBER) {
      try {
        PhoneNumber number = PhoneNumber.parse(value);
        return new Entry(field, number.digits(), number.masked());
      } catch (IllegalArgumentException e) {
        throw invalid(event, state, "field " + key + ": " + e.getMessage());
      }
    }
    String trimmed = value.strip();
    if (field.isYesNo() && !trimmed.equals("yes") && !trimmed.equals("no")) {
      throw invalid(event, state, "field " + key + " must be 'yes' or 'no'");
    }
    return new Entry(field, trimmed, trimmed);
  }

  static List<Entry> validateAll(CallEvent event, CallState state, Map<String, String> data) {
    List<Entry> entries = new ArrayList<>(data.size());
    for (Map.Entry<String, String> item : data.entrySet()) {
      entries.add(validate(event, state, item.getKey(), item.getValue()));
    }
    return entries;
  }

  /** Throws naming every field {@code step} still needs that neither is recorded nor in {@code entries}. */
  void requireComplete(CallEvent event, CallState step, List<Entry> entries) {
    Set<InfoField> needs = step == CallState.COLLECTING_INFO ? COLLECTING_INFO_NEEDS
        : step == CallState.CONFIRMING ? CONFIRMING_NEEDS : Set.of();
    List<String> missing = new ArrayList<>();
    for (InfoField field : InfoField.values()) {
      if (needs.contains(field) && !recorded.containsKey(field)
          && entries.stream().noneMatch(entry -> entry.field() == field)) {
        missing.add(field.key());
      }
    }
    if (!missing.isEmpty()) {
      throw invalid(event, step, step + " cannot be completed without " + missing);
    }
  }

  private static CallFlowException invalid(CallEvent event, CallState state, String why) {
    return new CallFlowException(CallFlowException.Reason.INVALID_INPUT, event.callId(), state,
        event.name(), why);
  }
}
