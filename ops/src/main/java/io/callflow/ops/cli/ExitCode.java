package io.callflow.ops.cli;

/** Process exit codes; 64 is {@code EX_USAGE} from BSD sysexits.h. */
public final class ExitCode {

  public static final int OK = 0;
  /** Started but failed, e.g. a port already in use. */
  public static final int FAILURE = 1;
  /** The configuration is invalid; nothing was started. */
  public static final int CONFIG = 2;
  /** The command line itself is wrong. */
  public static final int USAGE = 64;

  private ExitCode() {}
}
