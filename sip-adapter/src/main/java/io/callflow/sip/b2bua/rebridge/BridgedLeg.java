package io.callflow.sip.b2bua.rebridge;

import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.SdpOriginKeeper;
import io.callflow.sip.dialog.Dialog;
import java.util.Objects;

/**
 * One leg of a bridged call as the B2BUA keeps it: the dialog with that party, the SDP this
 * side last sent on it (with the leg's own {@code o=} line, RFC 3264 §8) and the SDP that
 * party last sent. Kept as text, never as a parsed message, so an established call stays
 * small. Lives on the event loop of the call and is not thread-safe.
 */
public final class BridgedLeg {

  private final Leg role;
  private final SdpOriginKeeper origin = new SdpOriginKeeper();
  private Dialog dialog;
  private String localSdp;
  private String remoteSdp;

  public BridgedLeg(Leg role, Dialog dialog) {
    this.role = Objects.requireNonNull(role, "role");
    this.dialog = Objects.requireNonNull(dialog, "dialog");
  }

  /** CUSTOMER or AGENT. */
  public Leg role() {
    return role;
  }

  public Dialog dialog() {
    return dialog;
  }

  /** A redial or callback replaces the dialog; the o= line stays the leg's own. */
  public void replaceDialog(Dialog replacement) {
    dialog = Objects.requireNonNull(replacement, "replacement");
  }

  /** Rewrites every SDP sent on this leg to carry the leg's session id and version. */
  public SdpOriginKeeper origin() {
    return origin;
  }

  /** The SDP this side last sent on the leg, or null before any. */
  public String localSdp() {
    return localSdp;
  }

  public void localSdp(String sdp) {
    localSdp = sdp;
  }

  /** The SDP the party on this leg last sent, or null before any. */
  public String remoteSdp() {
    return remoteSdp;
  }

  public void remoteSdp(String sdp) {
    remoteSdp = sdp;
  }

  /** Role and Call-ID, for logs (no numbers, no SDP). */
  @Override
  public String toString() {
    return "BridgedLeg[" + role + ", " + dialog.id().callId() + "]";
  }
}
