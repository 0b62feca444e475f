package io.callflow.sip.dialog;

import io.callflow.sip.message.NameAddress;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dialogs of one event loop, by {@link DialogId}. Like the transaction layer, it is only
 * touched on its loop's thread (a call's Call-ID always hashes to the same loop), so it has
 * no lock.
 */
public final class DialogTable {

  private final Map<DialogId, Dialog> dialogs = new HashMap<>();
  private final DialogMetrics metrics;

  public DialogTable(DialogMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * The dialog a request received belongs to (§12.2.2): its Call-ID, its To tag as the local
   * tag and its From tag as the remote tag. Empty when the request has no To tag.
   */
  public Optional<Dialog> forReceivedRequest(SipRequest request) {
    return id(request, false).map(dialogs::get);
  }

  /** The dialog with {@code id}, if this loop holds it. */
  public Optional<Dialog> get(DialogId id) {
    return Optional.ofNullable(dialogs.get(id));
  }

  /** The dialog a response received belongs to (UAC side: From tag local, To tag remote). */
  public Optional<Dialog> forReceivedResponse(SipResponse response) {
    return id(response, true).map(dialogs::get);
  }

  /**
   * §12.1.1: the UAS creates its dialog with the response ({@code 101-199} with a To tag:
   * early; 2xx: confirmed) it sends to {@code request}. Returns the existing one when the
   * same dialog was created by an earlier provisional response.
   */
  public Dialog createUas(SipRequest request, SipResponse response) {
    Optional<DialogId> key = id(response, false);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a dialog needs Call-ID, From tag and To tag (RFC 3261 §12.1.1)");
    }
    Dialog existing = dialogs.get(key.get());
    if (existing != null) {
      return existing;
    }
    NameAddress to = response.to().orElseThrow();
    NameAddress from = request.from().orElseThrow();
    Dialog dialog = Dialog.asUas(key.get().callId(), key.get().localTag(), key.get().remoteTag(),
        nameAddr(to), nameAddr(from), request.contactUri().orElse(from.uri()),
        request.recordRoutes(), request.cseq().orElseThrow().number(), DialogOrigin.isSecure(request),
        response.statusCode() < 200);
    add(dialog);
    return dialog;
  }

  /**
   * §12.1.2: the UAC creates its dialog from a response with a To tag to {@code request}
   * (early for 1xx, confirmed for 2xx); an existing dialog with the same id is returned.
   */
  public Dialog createUac(SipRequest request, SipResponse response) {
    return createUac(DialogOrigin.of(request), response);
  }

  /** {@link #createUac(SipRequest, SipResponse)} from what the request left behind. */
  public Dialog createUac(DialogOrigin origin, SipResponse response) {
    Optional<DialogId> key = id(response, true);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a dialog needs Call-ID, From tag and To tag (RFC 3261 §12.1.2)");
    }
    Dialog existing = dialogs.get(key.get());
    if (existing != null) {
      return existing;
    }
    NameAddress to = response.to().orElseThrow();
    Dialog dialog = Dialog.asUac(key.get().callId(), key.get().localTag(), key.get().remoteTag(),
        origin.localAddress(), nameAddr(to), response.contactUri().orElse(origin.requestUri()),
        response.recordRoutes(), origin.cseq(), origin.secure(), response.statusCode() < 200);
    add(dialog);
    return dialog;
  }

  /**
   * Takes in a dialog restored after a restart ({@link Dialog#restore}), so requests the peer
   * sends in it are matched again (§12.2.2). Returns false, changing nothing, when this loop
   * already holds a dialog with the same id.
   */
  public boolean adopt(Dialog dialog) {
    if (dialogs.containsKey(dialog.id())) {
      return false;
    }
    add(dialog);
    return true;
  }

  /** Forgets {@code dialog} (terminated). */
  public void remove(Dialog dialog) {
    dialog.terminate();
    if (dialogs.remove(dialog.id(), dialog)) {
      metrics.removed();
    }
  }

  /** Dialogs on this loop. */
  public int size() {
    return dialogs.size();
  }

  private void add(Dialog dialog) {
    dialogs.put(dialog.id(), dialog);
    metrics.added();
  }

  /**
   * The id of the dialog {@code message} belongs to, from this side's point of view:
   * {@code fromIsLocal} for requests this side sent and their responses (UAC), otherwise
   * the To tag is local (UAS).
   */
  private static Optional<DialogId> id(SipMessage message, boolean fromIsLocal) {
    Optional<String> callId = message.callId();
    Optional<String> fromTag = message.fromTag();
    Optional<String> toTag = message.toTag();
    if (callId.isEmpty() || fromTag.isEmpty() || toTag.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(fromIsLocal
        ? new DialogId(callId.get(), fromTag.get(), toTag.get())
        : new DialogId(callId.get(), toTag.get(), fromTag.get()));
  }

  /** A From/To value without its tag, as name-addr text. */
  static String nameAddr(NameAddress address) {
    String display = address.displayName();
    String uri = "<" + address.uri() + ">";
    return display.isEmpty() ? uri : "\"" + display.replace("\"", "\\\"") + "\" " + uri;
  }
}
