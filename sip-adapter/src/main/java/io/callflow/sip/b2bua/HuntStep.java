package io.callflow.sip.b2bua;

import java.util.Objects;

/** The next thing a call's {@link AgentHunt} says to do. */
public sealed interface HuntStep {

  /** Send the B-leg INVITE to this agent's contact. */
  record TryAgent(Agent agent) implements HuntStep {
    public TryAgent {
      Objects.requireNonNull(agent, "agent");
    }
  }

  /** No agent took the call: send it to the configured fallback. */
  record TryFallback(String uri) implements HuntStep {
    public TryFallback {
      Objects.requireNonNull(uri, "uri");
    }
  }

  /** Nothing left to try: answer the caller with the last failure (or 480 when nobody was tried). */
  record GiveUp() implements HuntStep {}
}
