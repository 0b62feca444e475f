package io.callflow.headset.quality;

/**
 * Narrowband codecs the E-model can rate, with their equipment impairment factor Ie and
 * packet-loss robustness factor Bpl from ITU-T G.113 (11/2018) Appendix I: Ie from Table
 * I.1, Bpl from Table I.3 (random loss). G.711 with packet loss concealment (Appendix I of
 * G.711) is far more robust to loss than without, hence the two entries.
 */
public enum Codec {
  /** G.711 without PLC: Ie = 0, Bpl = 4.3. */
  G711(0, 4.3),
  /** G.711 with PLC per G.711 Appendix I: Ie = 0, Bpl = 25.1. */
  G711_PLC(0, 25.1),
  /** G.729A with VAD (G.729 Annex B): Ie = 11, Bpl = 19.0. */
  G729A(11, 19.0),
  /** G.723.1 at 6.3 kbit/s with VAD: Ie = 15, Bpl = 16.1. */
  G723_1(15, 16.1);

  private final double ie;
  private final double bpl;

  Codec(double ie, double bpl) {
    this.ie = ie;
    this.bpl = bpl;
  }

  public double ie() {
    return ie;
  }

  public double bpl() {
    return bpl;
  }

  /**
   * The codec of a vq-rtcpxr SessionDesc (RFC 6035 §4.7): static payload types 0/8 (PCMU/PCMA,
   * RFC 3551 §6), 4 (G723), 18 (G729), or the PD name; {@code plc} 2 (enhanced) or 3 (standard)
   * selects G.711 with PLC. PLC 0 (unspecified) is taken as no PLC, the cautious choice.
   * Returns null for codecs the table does not cover (wideband codecs, dynamic types).
   */
  public static Codec of(Integer payloadType, String payloadName, Integer plc) {
    String name = payloadName == null ? "" : payloadName.toUpperCase(java.util.Locale.ROOT);
    boolean concealment = plc != null && (plc == 2 || plc == 3);
    if (Integer.valueOf(0).equals(payloadType) || Integer.valueOf(8).equals(payloadType)
        || name.equals("PCMU") || name.equals("PCMA") || name.startsWith("G711")) {
      return concealment ? G711_PLC : G711;
    }
    if (Integer.valueOf(18).equals(payloadType) || name.startsWith("G729")) {
      return G729A;
    }
    if (Integer.valueOf(4).equals(payloadType) || name.startsWith("G723")) {
      return G723_1;
    }
    return null;
  }
}
