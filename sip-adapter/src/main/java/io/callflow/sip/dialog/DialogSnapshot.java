package io.callflow.sip.dialog;

import io.callflow.sip.message.CSeq;
import java.util.List;
import java.util.Objects;

/**
 * Everything RFC 3261 §12 makes a dialog's state, as plain values: what a restarted service
 * needs to send and receive requests in a dialog it created before the restart. Taken with
 * {@link Dialog#snapshot()}, turned back into a dialog with {@link Dialog#restore}.
 *
 * @param id Call-ID, local tag and remote tag, from this side's point of view
 * @param role whether this side was the UAC or the UAS of the dialog-creating INVITE
 * @param localUri the From value of requests this side sends, without tag
 * @param remoteUri the To value of requests this side sends, without tag
 * @param remoteTarget the peer's Contact URI (§12.1.1, refreshed by §12.2)
 * @param routes the route set, in the order requests carry it (§12.1.1, §12.1.2)
 * @param localSeq the last CSeq number this side used
 * @param remoteSeq the last CSeq number received from the peer, -1 while none was (§12.1.2)
 * @param secure whether the dialog is secure (sips, §12.1.1)
 */
public record DialogSnapshot(DialogId id, Dialog.Role role, String localUri, String remoteUri,
    String remoteTarget, List<String> routes, long localSeq, long remoteSeq, boolean secure) {

  public DialogSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(localUri, "localUri");
    Objects.requireNonNull(remoteUri, "remoteUri");
    Objects.requireNonNull(remoteTarget, "remoteTarget");
    routes = List.copyOf(routes);
    if (localSeq < 0 || localSeq > CSeq.MAX_NUMBER) {
      throw new IllegalArgumentException("local CSeq must be 0 to 2^31-1 (RFC 3261 §8.1.1.5), was " + localSeq);
    }
    if (remoteSeq < Dialog.EMPTY_SEQ || remoteSeq > CSeq.MAX_NUMBER) {
      throw new IllegalArgumentException("remote CSeq must be -1 (none yet) or 0 to 2^31-1, was " + remoteSeq);
    }
  }

  /**
   * The same dialog with its local CSeq raised by {@code jump}: after a restart, requests sent
   * between the last snapshot and the stop used numbers the peer has seen, and §12.2.1.1
   * wants each new one strictly higher.
   *
   * @throws IllegalArgumentException when the jump is negative or leaves the CSeq space
   */
  public DialogSnapshot withLocalSeqRaisedBy(long jump) {
    if (jump < 0) {
      throw new IllegalArgumentException("CSeq jump must not be negative, was " + jump);
    }
    if (localSeq + jump >= CSeq.MAX_NUMBER) {
      throw new IllegalArgumentException("local CSeq " + localSeq + " + " + jump
          + " leaves no room below 2^31 (RFC 3261 §8.1.1.5) for another request");
    }
    return new DialogSnapshot(id, role, localUri, remoteUri, remoteTarget, routes, localSeq + jump,
        remoteSeq, secure);
  }
}
