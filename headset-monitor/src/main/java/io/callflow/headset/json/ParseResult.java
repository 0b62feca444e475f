package io.callflow.headset.json;

/** What a strict parser hands back: the value, or the field that broke the schema and why. */
public sealed interface ParseResult<T> {

  record Ok<T>(T value) implements ParseResult<T> {}

  record Invalid<T>(String field, String reason) implements ParseResult<T> {
    /** The message an HTTP 400 carries. */
    public String message() {
      return field + ": " + reason;
    }
  }

  static <T> ParseResult<T> invalid(InvalidInput cause) {
    return new Invalid<>(cause.field(), cause.reason());
  }
}
