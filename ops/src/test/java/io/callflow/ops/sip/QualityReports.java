package io.callflow.ops.sip;

/** RFC 6035 call-quality report bodies for tests; public because the process IT sends them too. */
public final class QualityReports {

  private QualityReports() {}

  /** A VQSessionReport in the form of RFC 6035 §4.7, one per call id. */
  public static String sessionReport(String callId) {
    return String.join("\r\n",
        "VQSessionReport: CallTerm",
        "CallID: " + callId,
        "LocalID: Agent <sip:a-1042@192.0.2.1>",
        "RemoteID: Gateway <sip:gw@192.0.2.3>",
        "LocalAddr: IP=192.0.2.1 PORT=5000 SSRC=0x0d4e6f7b",
        "RemoteAddr: IP=192.0.2.3 PORT=5000 SSRC=0x6f7b0d4e",
        "LocalMetrics:",
        "Timestamps: START=2026-01-05T09:00:00Z STOP=2026-01-05T09:02:19Z",
        "SessionDesc: PT=18 PD=G729 SR=8000 FD=20 FO=20 FPP=2 PPS=50 PLC=3 SSUP=on",
        "JitterBuffer: JBA=3 JBR=2 JBN=40 JBM=80 JBX=120",
        "PacketLoss: NLR=5.0 JDR=2.0",
        "BurstGapLoss: BLD=0 BD=0 GLD=2.0 GD=500 GMIN=16",
        "Delay: RTD=200 ESD=140 SOWD=200 IAJ=2",
        "QualityEst: MOSLQ=4.2 MOSCQ=4.3",
        "");
  }

  /** The headers that make a PUBLISH a call-quality report (RFC 6035 §4). */
  public static String[] publishHeaders() {
    return new String[] {"Event: vq-rtcpxr", "Content-Type: application/vq-rtcpxr"};
  }
}
