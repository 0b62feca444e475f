package io.callflow.sip.testing;

import java.nio.file.Path;

/**
 * How a SIPp run ended: its exit code (0 all calls succeeded, 1 some failed, 97 stopped by
 * command, 99 ended without calls, 255/254 fatal or socket bind error) and the cumulative call
 * counts from its {@code -stf} statistics file.
 */
public record SippResult(int exitCode, long successfulCalls, long failedCalls, Path stdout,
    Path stderr, Path statistics) {

  /** Exit code SIPp uses when every call succeeded. */
  public static final int ALL_CALLS_SUCCEEDED = 0;
}
