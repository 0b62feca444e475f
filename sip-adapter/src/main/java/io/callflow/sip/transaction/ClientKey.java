package io.callflow.sip.transaction;

import io.callflow.sip.message.SipMessage;
import java.util.Optional;

/**
 * What a response is matched on to find its client transaction (§17.1.3): the branch of the
 * top Via and the CSeq method (so a CANCEL's responses, which share the INVITE's branch, find
 * the CANCEL transaction).
 */
public record ClientKey(String branch, String method) {

  /** The key of a request sent or a response received; empty without a branch or CSeq. */
  static Optional<ClientKey> of(SipMessage message) {
    Optional<String> branch = message.topVia().flatMap(via -> via.branch());
    if (branch.isEmpty() || message.cseq().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ClientKey(branch.get(), message.cseq().get().method()));
  }
}
