package io.callflow.sip.b2bua.transfer;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.model.CallId;
import io.callflow.core.model.PhoneNumber;
import io.callflow.sip.b2bua.GlareBackoff;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.CSeq;
import io.callflow.sip.stack.IncomingRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The B2BUA's transfers: a REFER from the agent's phone within the agent leg's dialog
 * (RFC 3515; attended with Replaces, RFC 3891) and core's {@link SipCommand.Transfer} from
 * the console. One per B2BUA; each call has at most one transfer running, confined to the
 * call's event loop.
 *
 * <p>A REFER is answered here: 403 from the customer's leg (only the agent transfers) or for a
 * target {@link TransferSettings} does not allow; 400 for a missing, repeated or malformed
 * Refer-To; 491 while the call cannot be transferred yet (not bridged, an offer being relayed,
 * a transfer running); else 202 Accepted, then NOTIFYs ({@link ReferNotify}).
 */
public final class Transfers {

  private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);
  /** RFC 3515 §2.4.2: the REFER is accepted; the outcome comes in NOTIFYs. */
  private static final int ACCEPTED = 202;
  private static final int FORBIDDEN = 403;
  private static final int REQUEST_PENDING = 491;

  private final TransferSettings settings;
  private final GlareBackoff glare = new GlareBackoff(ThreadLocalRandom.current());
  private final Map<CallId, CallTransfer> running = new ConcurrentHashMap<>();

  public Transfers(TransferSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * A request on one of {@code call}'s dialogs: true when it was handled here (a REFER, or
   * the agent leg's traffic while a transfer runs), false to leave it to the call.
   */
  public boolean handles(TransferableCall call, Dialog dialog, IncomingRequest request) {
    if (request.method().equals("REFER")) {
      refer(call, dialog, request);
      return true;
    }
    CallTransfer transfer = running.get(call.id());
    return transfer != null && transfer.intercepts(dialog, request);
  }

  /** Core's Transfer (the console's button): the same as a REFER, without the NOTIFYs. */
  public void transfer(TransferableCall call, SipCommand.Transfer command) {
    Optional<TransferTarget> target = TransferTarget.parse(command.target());
    if (target.isEmpty()) {
      LOG.warn("call {}: Transfer to department {} not carried out: target '{}' is not a sip, sips or tel URI",
          call.id(), command.department(), PhoneNumber.mask(String.valueOf(command.target())));
    } else if (!settings.allows(target.get())) {
      LOG.warn("call {}: Transfer to department {} not carried out: {} is not allowed by b2bua.transfer.*",
          call.id(), command.department(), PhoneNumber.mask(target.get().uri()));
    } else if (running.containsKey(call.id()) || !call.transferable()) {
      LOG.warn("call {}: Transfer to department {} not carried out: the call is not bridged or is being"
          + " transferred", call.id(), command.department());
    } else {
      start(call, target.get(), -1, Optional.empty());
    }
  }

  private void refer(TransferableCall call, Dialog dialog, IncomingRequest request) {
    BridgedLeg agent = call.agent();
    if (agent == null || !dialog.id().equals(agent.dialog().id())) {
      request.respond(request.createResponse(FORBIDDEN, "Only The Agent May Transfer"));
      return;
    }
    ReferCheck check = ReferCheck.of(request.request().headers("Refer-To"), settings);
    if (check instanceof ReferCheck.Reject reject) {
      LOG.debug("call {}: REFER refused {} {}", call.id(), reject.status(), reject.reason());
      request.respond(request.createResponse(reject.status(), reject.reason()));
      return;
    }
    if (running.containsKey(call.id()) || !call.transferable()) {
      request.respond(request.createResponse(REQUEST_PENDING, "Call Cannot Be Transferred Now"));
      return;
    }
    request.respond(request.createResponse(ACCEPTED, "Accepted"));
    long cseq = request.request().cseq().map(CSeq::number).orElse(0L);
    start(call, ((ReferCheck.Accept) check).target(), cseq, request.request().header("Referred-By"));
  }

  private void start(TransferableCall call, TransferTarget target, long referCseq, Optional<String> referredBy) {
    TransferSignalling signalling = new StackTransferSignalling(call.stack(), call.transport(), call.id().value(),
        call.scheduler(), glare);
    CallTransfer transfer = new CallTransfer(call, signalling, target, referCseq, done -> running.remove(call.id(), done));
    running.put(call.id(), transfer);
    transfer.start(settings, referredBy);
  }
}
