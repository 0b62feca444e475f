package io.callflow.ops.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * How one kind of config value is read from YAML, and what a valid one looks like.
 *
 * @param <T> the value read
 */
public interface ValueType<T> {

  /** The value {@code node} holds, or empty if it is not a valid value of this type. */
  Optional<T> read(JsonNode node);

  /** What a valid value looks like, phrased to follow "key = value: ". */
  String expected();

  /**
   * What the reader returns in place of an invalid value so it can go on and find further
   * problems; never seen outside the loader, which throws once reading is done.
   */
  default T placeholder() {
    return null;
  }
}
