package io.callflow.sip.dialog;

import java.util.Objects;

/**
 * A dialog's identity, RFC 3261 §12: Call-ID, local tag and remote tag, seen from this side
 * (for a UAS the local tag is the To tag, for a UAC the From tag).
 */
public record DialogId(String callId, String localTag, String remoteTag) {

  public DialogId {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(localTag, "localTag");
    Objects.requireNonNull(remoteTag, "remoteTag");
  }

  @Override
  public String toString() {
    return callId + ";local=" + localTag + ";remote=" + remoteTag;
  }
}
