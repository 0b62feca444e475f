package io.callflow.headset;

/** The answer to a telemetry or shift-check POST; ops maps it to 200 or 400 with {@link Rejected#message()}. */
public sealed interface IngestResult {

  /** Applied; {@code samples} is the number of samples in the batch (1 for a shift check). */
  record Accepted(int samples) implements IngestResult {}

  /** Nothing applied; {@code field} names the offending field ({@code $} for the whole body). */
  record Rejected(String field, String reason) implements IngestResult {
    public String message() {
      return field + ": " + reason;
    }
  }
}
