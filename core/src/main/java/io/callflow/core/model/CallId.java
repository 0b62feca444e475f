package io.callflow.core.model;

import java.util.Objects;

/** Identifies one customer call through the service, across every leg and reconnect. */
public record CallId(String value) {

  public CallId {
    Objects.requireNonNull(value, "call id");
    if (value.isBlank()) {
      throw new IllegalArgumentException("call id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
