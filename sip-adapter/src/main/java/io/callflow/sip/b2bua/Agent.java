package io.callflow.sip.b2bua;

import java.util.Objects;
import java.util.Set;

/**
 * An agent phone that can take calls in registrar mode.
 *
 * @param id the agent's login, an RFC 3261 token (shown on the console and in metrics labels)
 * @param contactUri where to send the B-leg INVITE: the registered contact ({@code sip:} or
 *     {@code sips:}); it may hold a number, so log it through {@code PhoneNumber.mask}
 * @param queues the queue numbers (digits) this agent serves, at least one
 */
public record Agent(String id, String contactUri, Set<String> queues) {

  public Agent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(contactUri, "contactUri");
    Objects.requireNonNull(queues, "queues");
    if (!HeaderText.isToken(id)) {
      throw new IllegalArgumentException("agent id '" + id + "' must be a SIP token (letters, digits, -.!%*_+`'~)");
    }
    if (!contactUri.startsWith("sip:") && !contactUri.startsWith("sips:")) {
      throw new IllegalArgumentException("agent " + id + ": contact must be a sip: or sips: URI");
    }
    if (queues.isEmpty()) {
      throw new IllegalArgumentException("agent " + id + ": queues must name at least one queue number");
    }
    for (String queue : queues) {
      if (!queue.matches("[0-9]{1,20}")) {
        throw new IllegalArgumentException("agent " + id + ": queue '" + queue + "' must be 1 to 20 digits");
      }
    }
    queues = Set.copyOf(queues);
  }
}
