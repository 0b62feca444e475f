package io.callflow.sip.dialog;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one dialog, RFC 3261 §12.1, kept as strings and numbers only (no parsed
 * message), so that an established call stays far below the 10 KB heap budget. It lives on
 * the event loop of its Call-ID and is not thread-safe.
 *
 * <p>Data: {@link #id()} (Call-ID, local tag, remote tag), local and remote URI (From/To
 * header values without tags), local and remote CSeq, remote target (the peer's Contact),
 * route set, whether it is secure, and its {@link DialogState}. Every state change passes
 * through {@link #moveTo(DialogState)}.
 */
public final class Dialog {

  private static final Logger LOG = LoggerFactory.getLogger(Dialog.class);
  /** §12.1.1: "the remote sequence number MUST be empty" until a request arrives; -1 marks it. */
  static final long EMPTY_SEQ = -1;

  /** Which side of the dialog this UA is. */
  public enum Role {
    UAC,
    UAS
  }

  private final DialogId id;
  private final Role role;
  private final String localUri;
  private final String remoteUri;
  private final boolean secure;
  private String remoteTarget;
  private RouteSet routeSet;
  private long localSeq;
  private long remoteSeq;
  private DialogState state;

  Dialog(DialogId id, Role role, String localUri, String remoteUri, String remoteTarget,
      RouteSet routeSet, long localSeq, long remoteSeq, boolean secure, DialogState state) {
    this.id = Objects.requireNonNull(id, "id");
    this.role = role;
    this.localUri = localUri;
    this.remoteUri = remoteUri;
    this.remoteTarget = remoteTarget;
    this.routeSet = routeSet;
    this.localSeq = localSeq;
    this.remoteSeq = remoteSeq;
    this.secure = secure;
    this.state = state;
  }

  /**
   * §12.1.1: the UAS side, created when it answers {@code invite} with a 1xx/2xx carrying
   * its To tag. The remote CSeq is the request's; the local CSeq starts empty (0 here, the
   * first local request uses 1).
   */
  public static Dialog asUas(String callId, String localTag, String remoteTag, String localUri,
      String remoteUri, String remoteTarget, List<String> recordRoutes, long remoteCseq,
      boolean secure, boolean early) {
    return new Dialog(new DialogId(callId, localTag, remoteTag), Role.UAS, localUri, remoteUri,
        remoteTarget, RouteSet.forUas(recordRoutes), 0, remoteCseq, secure,
        early ? DialogState.EARLY : DialogState.CONFIRMED);
  }

  /**
   * §12.1.2: the UAC side, created by a 1xx with a To tag or a 2xx. The local CSeq is the
   * request's; the remote CSeq is empty.
   */
  public static Dialog asUac(String callId, String localTag, String remoteTag, String localUri,
      String remoteUri, String remoteTarget, List<String> recordRoutes, long localCseq,
      boolean secure, boolean early) {
    return new Dialog(new DialogId(callId, localTag, remoteTag), Role.UAC, localUri, remoteUri,
        remoteTarget, RouteSet.forUac(recordRoutes), localCseq, EMPTY_SEQ, secure,
        early ? DialogState.EARLY : DialogState.CONFIRMED);
  }

  /**
   * A dialog saved before a restart (see {@link #snapshot()}), CONFIRMED again: only a
   * confirmed dialog is worth saving, since an early one ends with its INVITE transaction,
   * which does not survive a restart.
   */
  public static Dialog restore(DialogSnapshot saved) {
    return new Dialog(saved.id(), saved.role(), saved.localUri(), saved.remoteUri(),
        saved.remoteTarget(), saved.routes().isEmpty() ? RouteSet.EMPTY : new RouteSet(saved.routes()),
        saved.localSeq(), saved.remoteSeq(), saved.secure(), DialogState.CONFIRMED);
  }

  /** This dialog's state as plain values, to save it across a restart. */
  public DialogSnapshot snapshot() {
    return new DialogSnapshot(id, role, localUri, remoteUri, remoteTarget, routeSet.routes(),
        localSeq, remoteSeq, secure);
  }

  public DialogId id() {
    return id;
  }

  public Role role() {
    return role;
  }

  public DialogState state() {
    return state;
  }

  /** The local URI with this side's tag: the From value of requests this side sends. */
  public String localUri() {
    return localUri;
  }

  /** The remote URI: the To value (with the remote tag added) of requests this side sends. */
  public String remoteUri() {
    return remoteUri;
  }

  public String remoteTarget() {
    return remoteTarget;
  }

  public RouteSet routeSet() {
    return routeSet;
  }

  public long localSeq() {
    return localSeq;
  }

  /** The last CSeq number received from the peer, or -1 while none has been. */
  public long remoteSeq() {
    return remoteSeq;
  }

  public boolean secure() {
    return secure;
  }

  /**
   * §12.2.2: accepts a request's CSeq from the peer. A number lower than the remote CSeq
   * (an out-of-order request) is refused: the caller answers 500 (Server Internal Error).
   * Returns true when accepted.
   */
  public boolean acceptRemoteSeq(long cseq) {
    if (remoteSeq != EMPTY_SEQ && cseq < remoteSeq) {
      return false;
    }
    remoteSeq = cseq;
    return true;
  }

  /** §12.2.1.1: the CSeq of the next request this side sends (one more than the last). */
  public long nextLocalSeq() {
    localSeq++;
    return localSeq;
  }

  /**
   * §12.2.1.2 / §12.2.2: a target refresh request or its 2xx (re-INVITE, UPDATE) replaces
   * the remote target with its Contact.
   */
  public void refreshTarget(String contact) {
    if (contact != null && !contact.isBlank()) {
      remoteTarget = UriText.addrSpec(contact);
    }
  }

  /**
   * §13.2.2.4: the 2xx confirms an early dialog; its Contact is the new remote target and,
   * for a UAC, its Record-Route gives the route set.
   */
  public void confirm(String contact, List<String> recordRoutes) {
    moveTo(DialogState.CONFIRMED);
    refreshTarget(contact);
    if (role == Role.UAC) {
      routeSet = RouteSet.forUac(recordRoutes);
    }
  }

  /** Ends the dialog: BYE, a non-2xx final response to the INVITE, or 481/408 (§12.2.1.2). */
  public void terminate() {
    if (state != DialogState.TERMINATED) {
      moveTo(DialogState.TERMINATED);
    }
  }

  /** The one place the dialog's state changes; an arrow missing from the diagram fails loudly. */
  void moveTo(DialogState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("dialog " + id + ": no transition " + state + " -> " + next);
    }
    LOG.debug("dialog {} {} -> {}", id.callId(), state, next);
    state = next;
  }

  /**
   * What a new request within this dialog looks like (§12.2.1.1): method, Request-URI and
   * Route headers from the route set, From with the local tag, To with the remote tag,
   * Call-ID, and a new local CSeq (ACK and CANCEL reuse the INVITE's, so they take
   * {@code cseq} from the caller via {@link #requestWithSeq}).
   */
  public InDialogRequest newRequest(String method) {
    return requestWithSeq(method, nextLocalSeq());
  }

  /** Like {@link #newRequest} with a given CSeq number (the ACK of a 2xx uses the INVITE's). */
  public InDialogRequest requestWithSeq(String method, long cseq) {
    RouteSet.RequestTarget target = routeSet.target(remoteTarget);
    return new InDialogRequest(method, target.requestUri(), target.routes(), target.nextHop(),
        id.callId(), localUri, id.localTag(), remoteUri, id.remoteTag(), cseq);
  }

  @Override
  public String toString() {
    return "Dialog[" + id + ", " + role + ", " + state + ", local=" + localSeq + ", remote=" + remoteSeq + "]";
  }
}
