package io.callflow.headset.quality;

/**
 * The E-model of ITU-T G.107 (06/2015), reduced to the terms a vq-rtcpxr report can
 * inform, for narrowband codecs:
 *
 * <pre>
 *   R       = R_default − Idd(Ta) − Ie,eff + A                      (G.107 §3, eq. 3-1)
 *   R_default = 93.2   Ro − Is − Idte − Idle with every default of G.107 Table 3
 *   Idd     = 0 for Ta ≤ 100 ms, else
 *             25·{ (1 + X^6)^(1/6) − 3·(1 + (X/3)^6)^(1/6) + 2 },  X = log2(Ta / 100 ms)   (eq. 3-27)
 *   Ie,eff  = Ie + (95 − Ie) · Ppl / (Ppl / BurstR + Bpl)           (eq. 3-29)
 *   MOS     = 1 for R &lt; 0;  4.5 for R &gt; 100;
 *             1 + 0.035·R + R·(R − 60)·(100 − R)·7·10^-6 otherwise  (Annex B, eq. B-4)
 * </pre>
 *
 * Ie and Bpl come from {@link Codec} (G.113 Appendix I). The echo terms keep their
 * default values (perfect echo control, TELR = 65 dB) and A = 0 (wired, no advantage), so
 * a result is an estimate and is always labelled as one. BurstR = 1 treats loss as random,
 * which is what G.113's Bpl values were measured for.
 */
public final class EModel {

  /** G.107 §7: R with every parameter at its default value of Table 3. */
  public static final double R_DEFAULT = 93.2;
  /** G.107 eq. 3-27: mT, the delay below which Idd is zero. */
  static final double MT_MS = 100;

  private EModel() {}

  /** R for a codec, a packet-loss percentage (network loss plus jitter-buffer discard), a burst ratio and one-way delay. */
  public static double rFactor(Codec codec, double packetLossPercent, double burstRatio, double oneWayDelayMs) {
    return R_DEFAULT - delayImpairment(oneWayDelayMs) - effectiveEquipmentImpairment(codec, packetLossPercent, burstRatio);
  }

  /** Ie,eff of G.107 eq. 3-29. */
  public static double effectiveEquipmentImpairment(Codec codec, double packetLossPercent, double burstRatio) {
    double ppl = packetLossPercent;
    return codec.ie() + (95 - codec.ie()) * ppl / (ppl / burstRatio + codec.bpl());
  }

  /** Idd of G.107 eq. 3-27, for an absolute one-way delay Ta in milliseconds. */
  public static double delayImpairment(double oneWayDelayMs) {
    if (oneWayDelayMs <= MT_MS) {
      return 0;
    }
    double x = Math.log(oneWayDelayMs / MT_MS) / Math.log(2);
    return 25 * (Math.pow(1 + Math.pow(x, 6), 1.0 / 6) - 3 * Math.pow(1 + Math.pow(x / 3, 6), 1.0 / 6) + 2);
  }

  /** MOS (conversational quality, estimated) from R, G.107 Annex B eq. B-4. */
  public static double mos(double r) {
    if (r < 0) {
      return 1;
    }
    if (r > 100) {
      return 4.5;
    }
    return 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
  }
}
