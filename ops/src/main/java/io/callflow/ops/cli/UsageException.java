package io.callflow.ops.cli;

/** The command line is wrong; the CLI prints the reason and the usage, and exits 64. */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
