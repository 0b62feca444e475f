package io.callflow.sip.b2bua.recovery;

import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.SdpOrigin;
import io.callflow.sip.b2bua.SdpParseResult;
import io.callflow.sip.b2bua.SdpSession;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogSnapshot;
import java.util.Objects;

/**
 * What a restarted service needs to find one leg of a call again: the leg's role, its
 * dialog (RFC 3261 §12), the SDP last sent and received on it, and the {@code o=} line the
 * leg's {@link io.callflow.sip.b2bua.SdpOriginKeeper} last used (RFC 3264 §8). Saved through
 * core's store as opaque bytes ({@link #encode()}, format in {@link LegSnapshotFormat}) when
 * the dialog is confirmed and whenever it changes.
 *
 * @param role CUSTOMER or AGENT
 * @param dialog the dialog state
 * @param localSdp the SDP this side last sent on the leg, or null before any
 * @param remoteSdp the SDP the party last sent, or null before any
 * @param origin the leg's o= line as last sent, or null before any
 */
public record LegSnapshot(Leg role, DialogSnapshot dialog, String localSdp, String remoteSdp,
    SdpOrigin origin) {

  public LegSnapshot {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(dialog, "dialog");
  }

  /** The leg's state now; call it on the leg's event loop, like everything touching the leg. */
  public static LegSnapshot from(BridgedLeg leg) {
    return new LegSnapshot(leg.role(), leg.dialog().snapshot(), leg.localSdp(), leg.remoteSdp(),
        leg.origin().current().orElse(null));
  }

  /** The versioned bytes to store (see {@link LegSnapshotFormat}). */
  public byte[] encode() {
    return LegSnapshotFormat.encode(this);
  }

  /**
   * Reads bytes made by {@link #encode()} (by this build or an earlier one).
   *
   * @throws SnapshotFormatException when they are truncated, corrupted, of an unknown format
   *     version or describe no possible leg; nothing is restored then
   */
  public static LegSnapshot decode(byte[] data) {
    return LegSnapshotFormat.decode(data);
  }

  /**
   * A new leg from this snapshot: the dialog CONFIRMED with its local CSeq raised by
   * {@code localSeqJump} (see {@link DialogSnapshot#withLocalSeqRaisedBy}), both SDPs, and the
   * origin keeper carrying on from the saved o= line. The dialog is not in any stack yet.
   *
   * @throws IllegalArgumentException when the jump leaves the CSeq space
   */
  public BridgedLeg restore(long localSeqJump) {
    BridgedLeg leg = new BridgedLeg(role, Dialog.restore(dialog.withLocalSeqRaisedBy(localSeqJump)));
    leg.localSdp(localSdp);
    leg.remoteSdp(remoteSdp);
    if (origin != null) {
      leg.origin().restore(origin, parsed(localSdp));
    }
    return leg;
  }

  /** The last local body when it is usable SDP, else null (the keeper then bumps the version). */
  private static SdpSession parsed(String sdp) {
    if (sdp == null || sdp.isEmpty()) {
      return null;
    }
    return SdpSession.parse(sdp) instanceof SdpParseResult.Parsed parsed ? parsed.session() : null;
  }
}
