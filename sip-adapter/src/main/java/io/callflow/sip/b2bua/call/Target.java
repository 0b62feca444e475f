package io.callflow.sip.b2bua.call;

import java.util.Objects;

/**
 * Where one agent-leg INVITE goes.
 *
 * @param requestUri the Request-URI (and To) of the agent's INVITE
 * @param nextHop the URI whose host, port and transport the INVITE is sent to
 * @param agentId who is rung, as core knows them (the agent id, or the Request-URI's user part)
 */
record Target(String requestUri, String nextHop, String agentId) {
  Target {
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(nextHop, "nextHop");
    Objects.requireNonNull(agentId, "agentId");
  }
}
