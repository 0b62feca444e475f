package io.callflow.ops.cli;

import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.Secrets;

/** The running service as {@code run} sees it: something to stop on SIGTERM. */
public interface Service {

  /** Drains, then stops every part in reverse start order; safe to call twice. */
  void stop();

  /** Builds and starts the service; the composition root in {@code Main} implements this. */
  @FunctionalInterface
  interface Starter {
    /**
     * @throws RuntimeException if a part cannot start; parts already started are stopped first
     */
    Service start(CallflowConfig config, Secrets secrets);
  }
}
