package io.callflow.sip.stack;

import io.callflow.sip.dialog.DialogTable;
import io.callflow.sip.edge.Verdict;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.transaction.Branches;
import io.callflow.sip.transaction.Peer;
import io.callflow.sip.transaction.ServerKey;
import io.callflow.sip.transaction.TransactionLayer;
import io.callflow.sip.transport.RequiredHeadersFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's check of an inbound request against the {@link SipEdge} before the transaction
 * layer sees it. It runs on the shard because only the shard knows whether the request is in
 * a dialog (To tag matching a dialog, RFC 3261 §12.2.2) or is an ACK/CANCEL of a transaction
 * (§17.2.3, §9.2): those pass the allow-lists, since the dialog or transaction was admitted
 * when it was created. A refusal answers 403 without a transaction (§21.4.4, §8.2.6) or drops
 * the request, as the policy says; the policy counts both.
 */
final class EdgeGate {

  private static final Logger LOG = LoggerFactory.getLogger(EdgeGate.class);

  private final SipEdge edge;
  private final TransactionLayer layer;
  private final DialogTable dialogs;

  EdgeGate(SipEdge edge, TransactionLayer layer, DialogTable dialogs) {
    this.edge = edge;
    this.layer = layer;
    this.dialogs = dialogs;
  }

  /** True when {@code request} may go on to the transaction layer; a refusal is already handled. */
  boolean admit(SipRequest request, Peer source) {
    Verdict verdict = edge.policy().check(source.address(), request.method(), inDialog(request));
    switch (verdict.action()) {
      case ALLOW -> {
        edge.allowed(source.address().getAddress());
        return true;
      }
      case REFUSE_403 -> refuse(request, source);
      case DROP_SILENTLY -> LOG.debug("{} from {} dropped at the edge", request.method(), source.address());
      default -> throw new IllegalStateException("unknown edge action " + verdict.action());
    }
    return false;
  }

  private boolean inDialog(SipRequest request) {
    String method = request.method();
    if (method.equals("ACK") && layer.serverFor(request).isPresent()) {
      return true;
    }
    if (method.equals("CANCEL")) {
      return ServerKey.cancelled(request).flatMap(layer::server).isPresent();
    }
    return request.toTag().isPresent()
        && request.callId().isPresent()
        && dialogs.forReceivedRequest(request).isPresent();
  }

  /** §17.2.1: an ACK is never answered; a request lacking what a response copies is dropped. */
  private void refuse(SipRequest request, Peer source) {
    if (request.method().equals("ACK") || !RequiredHeadersFilter.missing(request).isEmpty()) {
      return;
    }
    layer.sendWithoutTransaction(request.createResponse(403, null, Branches.nextTag()), source);
  }
}
