package io.callflow.sip.b2bua;

import java.util.Objects;
import java.util.Optional;

/**
 * How far one call hunts for an agent (config {@code b2bua.agents.*}).
 *
 * @param maxAgents {@code max-attempts}: agents tried per call before the fallback, 1..50, default 3
 * @param fallbackUri {@code fallback-uri}: where the call goes when no agent took it (a
 *     voicemail or overflow queue), a {@code sip:}, {@code sips:} or {@code tel:} URI; none
 *     by default, and then the caller gets the last failure
 */
public record AgentHuntSettings(int maxAgents, Optional<String> fallbackUri) {

  public static final int MAX_AGENTS = 50;

  public AgentHuntSettings {
    if (maxAgents < 1 || maxAgents > MAX_AGENTS) {
      throw new IllegalArgumentException("b2bua.agents.max-attempts: " + maxAgents
          + " is out of range; use 1.." + MAX_AGENTS);
    }
    Objects.requireNonNull(fallbackUri, "fallbackUri");
    fallbackUri.ifPresent(uri -> {
      if (!uri.matches("(sip|sips|tel):\\S+")) {
        throw new IllegalArgumentException("b2bua.agents.fallback-uri: '" + uri
            + "' must be a sip:, sips: or tel: URI without spaces");
      }
    });
  }

  public static AgentHuntSettings defaults() {
    return new AgentHuntSettings(3, Optional.empty());
  }
}
