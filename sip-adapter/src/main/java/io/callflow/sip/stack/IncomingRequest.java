package io.callflow.sip.stack;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogId;
import io.callflow.sip.message.HeaderNames;
import io.callflow.sip.message.MessageChanges;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.transaction.ServerTransaction;
import java.util.Optional;

/**
 * A request handed to the {@link SipApplication}, with the ways to answer it. Answering goes
 * through the UAS core: a 101-299 to an INVITE creates or confirms the dialog and gets this
 * stack's Contact, a 2xx to an INVITE is retransmitted until the ACK (§13.3.1.4), a
 * non-2xx final response ends an early dialog.
 */
public final class IncomingRequest {

  private final Shard shard;
  private final ServerTransaction transaction;
  /**
   * Held here, not only by the transaction: the transaction lets go of it at the final
   * response, the application may still read it after answering (a BYE's Reason).
   */
  private final SipRequest request;
  private final Dialog dialog;

  IncomingRequest(Shard shard, ServerTransaction transaction, SipRequest request, Dialog dialog) {
    this.shard = shard;
    this.transaction = transaction;
    this.request = request;
    this.dialog = dialog;
  }

  public SipRequest request() {
    return request;
  }

  public String method() {
    return transaction.method();
  }

  public ServerTransaction transaction() {
    return transaction;
  }

  /** The dialog the request arrived in; empty for a request outside a dialog. */
  public Optional<Dialog> dialog() {
    return Optional.ofNullable(dialog);
  }

  /**
   * The dialog that answering this out-of-dialog INVITE with a 101-299 created (early, then
   * confirmed by the 2xx, §12.1.1); empty before such an answer, or once that dialog ended.
   * A B2BUA keeps it to send BYE and re-INVITE to the caller later.
   */
  public Optional<Dialog> dialogCreated() {
    if (dialog != null) {
      return Optional.of(dialog);
    }
    if (!request.method().equals("INVITE")) {
      return Optional.empty(); // only an INVITE creates a dialog here (§12.1)
    }
    // From the request held here: the transaction lets go of its Call-ID and remote tag once it
    // lingers after the 2xx, and the dialog is wanted long after that.
    Optional<String> remoteTag = request.fromTag();
    if (remoteTag.isEmpty() || remoteTag.get().isEmpty()) {
      return Optional.empty();
    }
    return shard.dialogs().get(new DialogId(request.callId().orElse(""), transaction.localTag(), remoteTag.get()));
  }

  /** A response with the transaction's To tag (§8.2.6), not yet sent. */
  public SipResponse createResponse(int status, String reason) {
    return createResponse(status, reason, null);
  }

  /**
   * {@link #createResponse(int, String)} with {@code changes} made as it is created, and this
   * side's Contact where a response carries one ({@link Shard#carriesContact}) unless the
   * changes set it: sending it then needs no copy to add the Contact. The Contact is added to
   * {@code changes} itself, so use a {@code MessageChanges} for one response only.
   *
   * @param changes header and body changes, or {@code null} for none
   */
  public SipResponse createResponse(int status, String reason, MessageChanges changes) {
    MessageChanges all = changes;
    if (Shard.carriesContact(request.method(), status)
        && (all == null || !all.sets(HeaderNames.CONTACT))) {
      all = all == null ? new MessageChanges() : all;
      all.header(HeaderNames.CONTACT, shard.contactHeader(transaction));
    }
    return transaction.responseTo(request, status, reason, all);
  }

  /** Answers with {@code status} and the default reason phrase. */
  public void respond(int status) {
    respond(createResponse(status, null));
  }

  /** Answers with {@code status} and a body (e.g. the SDP answer). */
  public void respond(int status, String contentType, byte[] body) {
    respond(createResponse(status, null, new MessageChanges().body(contentType, body)));
  }

  /** Sends {@code response}, made with {@link #createResponse}, on the request's event loop. */
  public void respond(SipResponse response) {
    shard.execute(() -> shard.respond(this, response));
  }
}
