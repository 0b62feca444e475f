package io.callflow.sip.b2bua.call;

import java.util.Optional;

/**
 * The route of a call restored after a restart: the agent was found before the restart and
 * nothing is reserved for them in this run (a registrar's pool starts afresh), so there is
 * nobody to ring and nothing to release.
 */
final class RestoredRoute implements AgentRoute {

  @Override
  public Optional<Target> first() {
    return Optional.empty();
  }

  @Override
  public Optional<Target> next(int status) {
    return Optional.empty();
  }

  @Override
  public void answered() {
    // Answered before the restart.
  }

  @Override
  public void abandoned() {
    // Nothing rings.
  }

  @Override
  public void released() {
    // Nothing was reserved in this run.
  }
}
