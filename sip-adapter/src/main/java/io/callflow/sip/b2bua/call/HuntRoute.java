package io.callflow.sip.b2bua.call;

import io.callflow.sip.b2bua.AgentHunt;
import io.callflow.sip.b2bua.AgentPool;
import io.callflow.sip.b2bua.HuntStep;
import java.util.Optional;

/**
 * REGISTRAR routing: the longest-idle available agent of the queue the Request-URI's user part
 * names, straight to the agent phone's registered contact; after busy/no answer/unavailable the
 * next agent, then the fallback (the {@link AgentHunt} decides). Any other failure ends the hunt.
 */
final class HuntRoute implements AgentRoute {

  private final AgentHunt hunt;
  private final AgentPool pool;
  private String current;
  private boolean answered;

  HuntRoute(AgentHunt hunt, AgentPool pool) {
    this.hunt = hunt;
    this.pool = pool;
  }

  @Override
  public Optional<Target> first() {
    return step();
  }

  @Override
  public Optional<Target> next(int status) {
    hunt.failed(status);
    return TRY_NEXT.contains(status) ? step() : Optional.empty();
  }

  private Optional<Target> step() {
    HuntStep step = hunt.next();
    if (step instanceof HuntStep.TryAgent agent) {
      String contact = agent.agent().contactUri();
      current = agent.agent().id();
      return Optional.of(new Target(contact, contact, agent.agent().id()));
    }
    if (step instanceof HuntStep.TryFallback fallback) {
      current = null;
      return Optional.of(new Target(fallback.uri(), fallback.uri(), SipUris.user(fallback.uri()).orElse(fallback.uri())));
    }
    return Optional.empty();
  }

  @Override
  public void answered() {
    hunt.answered();
    answered = true;
  }

  @Override
  public void released() {
    if (answered && current != null) {
      pool.released(current);
      answered = false;
    }
  }

  @Override
  public void abandoned() {
    hunt.abandoned();
  }
}
