package io.callflow.headset;

/** vq-rtcpxr bodies (RFC 6035) shared by the tests. */
public final class Reports {

  private Reports() {}

  /** Shaped like the example of RFC 6035 §4.8, with LocalMetrics and RemoteMetrics. */
  public static final String SESSION_REPORT = String.join("\r\n",
      "VQSessionReport: CallTerm",
      "CallID: 6dwd3r2d3fs@192.0.2.1",
      "LocalID: Alice <sip:alice@example.org>",
      "RemoteID: Bill <sip:bill@example.net>",
      "OrigID: Alice <sip:alice@example.org>",
      "LocalGroup: example-phone-55671",
      "RemoteGroup: example-gateway-09871",
      "LocalAddr: IP=192.0.2.1 PORT=5000 SSRC=0x0d4e6f7b",
      "RemoteAddr: IP=192.0.2.3 PORT=5000 SSRC=0x6f7b0d4e",
      "LocalMetrics:",
      "Timestamps: START=2026-01-05T09:00:00Z STOP=2026-01-05T09:02:19Z",
      "SessionDesc: PT=18 PD=G729 SR=8000 FD=20 FO=20 FPP=2 PPS=50 FMTP=\"annexb=no\" PLC=3 SSUP=on",
      "JitterBuffer: JBA=3 JBR=2 JBN=40 JBM=80 JBX=120",
      "PacketLoss: NLR=5.0 JDR=2.0",
      "BurstGapLoss: BLD=0 BD=0 GLD=2.0 GD=500 GMIN=16",
      "Delay: RTD=200 ESD=140 SOWD=200 IAJ=2",
      "QualityEst: MOSLQ=4.2 MOSCQ=4.3",
      "RemoteMetrics:",
      "Timestamps: START=2026-01-05T09:00:00Z STOP=2026-01-05T09:02:19Z",
      "PacketLoss: NLR=0.0 JDR=0.0",
      "QualityEst: MOSLQ=4.4 MOSCQ=4.4",
      "DialogID: 1003eab@192.0.2.1;to-tag=7321;from-tag=9123",
      "");

  /** A G.711 report without QualityEst, as many phones send it. */
  public static final String NO_MOS_REPORT = String.join("\r\n",
      "VQSessionReport: CallTerm",
      "CallID: 77abc@192.0.2.9",
      "LocalMetrics:",
      "Timestamps: START=2026-01-05T09:00:00Z STOP=2026-01-05T09:01:00Z",
      "SessionDesc: PT=0 PD=PCMU SR=8000 FD=20 FPP=1 PLC=3",
      "PacketLoss: NLR=1.0 JDR=0.0",
      "Delay: RTD=100 ESD=50 IAJ=12",
      "");
}
