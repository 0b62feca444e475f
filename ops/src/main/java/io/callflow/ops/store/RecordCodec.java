package io.callflow.ops.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.callflow.core.store.CallRecord;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns any {@link CallRecord} into a {@code kind} (its simple type name) and a JSON payload
 * and back. It knows no record type by hand: the kinds are read from the sealed interface's
 * permitted subclasses, so a record type core adds later is stored without a change here.
 */
final class RecordCodec {

  private final ObjectMapper mapper = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      // A field a later build drops must not make old rows unreadable.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private final Map<String, Class<? extends CallRecord>> kinds = discoverKinds();

  /** The kinds this build can read, by name. */
  Map<String, Class<? extends CallRecord>> kinds() {
    return Collections.unmodifiableMap(kinds);
  }

  String kind(CallRecord record) {
    return record.getClass().getSimpleName();
  }

  String payload(CallRecord record) {
    try {
      return mapper.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot encode " + kind(record) + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The record stored as {@code kind} and {@code payload}.
   *
   * @throws IllegalStateException if the kind is unknown to this build or the payload does not fit it
   */
  CallRecord decode(long seq, String kind, String payload) {
    Class<? extends CallRecord> type = kinds.get(kind);
    if (type == null) {
      throw new IllegalStateException("record #" + seq + " has kind " + kind
          + ", which this build cannot read; known kinds: " + kinds.keySet());
    }
    try {
      return mapper.readValue(payload, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "record #" + seq + " of kind " + kind + " is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Class<? extends CallRecord>> discoverKinds() {
    Map<String, Class<? extends CallRecord>> found = new TreeMap<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    pending.add(CallRecord.class);
    while (!pending.isEmpty()) {
      Class<?> type = pending.removeFirst();
      if (type.isSealed()) {
        Collections.addAll(pending, type.getPermittedSubclasses());
      } else if (found.putIfAbsent(type.getSimpleName(), (Class<? extends CallRecord>) type) != null) {
        throw new IllegalStateException("two call record types share the simple name "
            + type.getSimpleName() + "; the store keys kinds by simple name");
      }
    }
    return found;
  }
}
