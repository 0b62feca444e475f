package io.callflow.sip.b2bua.recovery;

/**
 * Bytes that are not a leg snapshot this build can read: truncated, corrupted, from an
 * unknown format version, or holding a value no dialog can have. Nothing is restored from
 * them; the message says what was wrong and at which byte.
 */
public final class SnapshotFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public SnapshotFormatException(String message) {
    super("leg snapshot: " + message);
  }

  public SnapshotFormatException(String message, Throwable cause) {
    super("leg snapshot: " + message, cause);
  }
}
