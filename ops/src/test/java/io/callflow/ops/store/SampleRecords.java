package io.callflow.ops.store;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.store.CallRecord;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One filled-in instance of every call record type, built from the sealed interface's permitted
 * subclasses, so a record type added to core is covered (or fails loudly here) without a
 * change to the tests.
 */
final class SampleRecords {

  static final Instant AT = Instant.parse("2026-03-01T09:30:15.123456789Z");

  /** Components whose value the store checks, by name. */
  private static final Map<String, Object> BY_NAME = Map.of("status", "ACKNOWLEDGED");

  private SampleRecords() {}

  /** Every concrete record type that implements {@link CallRecord}, through nested sealed types too. */
  static List<Class<?>> recordTypes() {
    List<Class<?>> types = new ArrayList<>();
    Deque<Class<?>> pending = new ArrayDeque<>(List.of(CallRecord.class));
    while (!pending.isEmpty()) {
      Class<?> type = pending.removeFirst();
      if (type.isSealed()) {
        Collections.addAll(pending, type.getPermittedSubclasses());
      } else {
        types.add(type);
      }
    }
    return types;
  }

  /** A sample of {@code type} for {@code callId}, every component set to a non-default value. */
  static CallRecord sample(Class<?> type, CallId callId) {
    if (!type.isRecord()) {
      throw new AssertionError(type.getName() + " is not a record; the store serialises record"
          + " components, so make it a record or extend SampleRecords");
    }
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = value(type, components[i], callId);
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return (CallRecord) constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build a sample " + type.getSimpleName(), e);
    }
  }

  private static Object value(Class<?> owner, RecordComponent component, CallId callId) {
    Class<?> type = component.getType();
    String name = component.getName();
    if (BY_NAME.containsKey(name)) {
      return BY_NAME.get(name);
    }
    if (type == CallId.class) {
      return callId;
    }
    if (type == String.class) {
      return name + " of " + owner.getSimpleName() + " \"quoted\" \u00e9";
    }
    if (type == Instant.class) {
      return AT;
    }
    if (type == Duration.class) {
      return Duration.ofMillis(1234);
    }
    if (type == byte[].class) {
      return new byte[] {0, 1, (byte) 0xff, 42};
    }
    if (type == CallState.class) {
      return name.equals("to") ? CallState.CONSULTING : CallState.COLLECTING_INFO;
    }
    if (type == Leg.class) {
      return Leg.AGENT;
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[constants.length - 1];
    }
    if (type == List.class
        && component.getGenericType() instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
      Object[] constants = element.getEnumConstants();
      return List.of(constants[constants.length - 1], constants[0]);
    }
    if (type == int.class || type == Integer.class) {
      return 7;
    }
    if (type == long.class || type == Long.class) {
      return 7L;
    }
    if (type == double.class || type == Double.class) {
      return 0.5;
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    throw new AssertionError("no sample value for " + owner.getSimpleName() + "." + name + " of type "
        + type.getName() + "; add one to SampleRecords and check the store round-trips it");
  }
}
