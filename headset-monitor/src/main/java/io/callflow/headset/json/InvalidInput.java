package io.callflow.headset.json;

/**
 * Thrown inside a parser when input breaks the schema; the parser's public entry point turns
 * it into a rejection naming {@link #field()} and {@link #reason()}, so it never reaches a caller.
 */
public final class InvalidInput extends Exception {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String reason;

  public InvalidInput(String field, String reason) {
    super(field + ": " + reason, null, false, false);
    this.field = field;
    this.reason = reason;
  }

  /** JSON-path-like name of the offending field, e.g. {@code samples[2].batteryPercent}; {@code $} for the whole body. */
  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
