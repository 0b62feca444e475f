package io.callflow.sip.b2bua.call;

import java.util.Optional;
import java.util.Set;

/**
 * One call's way to an agent: the first target, then after a failure the next one (another
 * agent or the fallback), until none is left. Used on the call's event loop only.
 */
interface AgentRoute {

  /** RFC 3261 §21.4: busy, request timeout (or our ring timeout), temporarily unavailable. */
  Set<Integer> TRY_NEXT = Set.of(486, 408, 480);

  /** The first target, or empty when nobody can be rung. */
  Optional<Target> first();

  /** The attempt failed with {@code status}; the next target, or empty to give up. */
  Optional<Target> next(int status);

  /** The current target answered. */
  void answered();

  /** The caller went away while the current target was ringing. */
  void abandoned();

  /** The call that the current target answered is over: the agent is free again. */
  void released();
}
