package io.callflow.ops.console;

import java.util.regex.Pattern;

/**
 * Checks agent ids arriving in URLs. An id names a WebSocket session group and shows on
 * the page, so only a short, plain alphabet is accepted: nothing to escape, nothing to log
 * unbounded.
 */
public final class AgentIds {

  static final int MAX_LENGTH = 64;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0," + (MAX_LENGTH - 1) + "}");

  private AgentIds() {}

  /**
   * Returns {@code raw} if it is a valid agent id.
   *
   * @throws IllegalArgumentException with a message fit for the HTTP 400 body
   */
  public static String require(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new IllegalArgumentException("agent is required: open the console as /console?agent=<your agent id>");
    }
    if (!isValid(raw)) {
      throw new IllegalArgumentException("agent must be 1 to " + MAX_LENGTH
          + " letters, digits, '.', '_', '-', '@' or '+', starting with a letter or digit");
    }
    return raw;
  }

  /** Whether {@code raw} could open a console. */
  public static boolean isValid(String raw) {
    return raw != null && VALID.matcher(raw).matches();
  }
}
