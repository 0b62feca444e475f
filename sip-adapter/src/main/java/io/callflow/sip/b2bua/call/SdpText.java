package io.callflow.sip.b2bua.call;

import io.callflow.sip.b2bua.SdpParseResult;
import io.callflow.sip.b2bua.SdpSession;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;

/** SDP bodies as the call keeps them: text, parsed only for a moment. */
final class SdpText {

  private SdpText() {
  }

  /**
   * The body to send on {@code leg}: {@code sdp} with the leg's own {@code o=} line (RFC 3264 §8:
   * same session id, version + 1 when the content changed). Unparseable SDP goes as it is.
   */
  static String throughOrigin(BridgedLeg leg, String sdp) {
    if (sdp == null || sdp.isEmpty()) {
      return sdp;
    }
    if (SdpSession.parse(sdp) instanceof SdpParseResult.Parsed parsed) {
      return leg.origin().rewrite(parsed.session()).text();
    }
    return sdp;
  }

  /** Whether two bodies describe the same session (a refresh, RFC 4028 §7.4), origin aside. */
  static boolean sameContent(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    if (SdpSession.parse(a) instanceof SdpParseResult.Parsed first
        && SdpSession.parse(b) instanceof SdpParseResult.Parsed second) {
      return first.session().sameContentAs(second.session());
    }
    return a.equals(b);
  }
}
