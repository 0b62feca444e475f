package io.callflow.headset.exposure;

import java.time.Duration;

/**
 * Daily noise exposure by the equal-energy rule (3 dB exchange rate), as EU Directive
 * 2003/10/EC Art. 2 and ISO 1999 define it:
 *
 * <pre>
 *   L_EX,8h = 10·log10( (1/T0) · Σ t_i · 10^(L_Aeq,i / 10) ),   T0 = 8 h
 *   dose    = 10^((L_EX,8h − 85) / 10)      (1.0 at the upper exposure action value)
 * </pre>
 *
 * Halving the time at a level allows 3 dB more: 85 dB(A) for 8 h, 88 dB(A) for 4 h and
 * 91 dB(A) for 2 h are each a dose of 1.0. Energy is kept as Σ t·10^(L/10) in seconds,
 * so periods add by plain summation.
 */
public final class NoiseExposure {

  /** Reference duration T0 of Directive 2003/10/EC Art. 2 (a): eight hours. */
  public static final Duration REFERENCE = Duration.ofHours(8);

  /** Art. 3 (1) (a): exposure limit value, 87 dB(A) and 140 dB(C) peak. */
  public static final double LIMIT_DBA = 87;
  public static final double LIMIT_PEAK_DBC = 140;
  /** Art. 3 (1) (b): upper exposure action value, 85 dB(A) and 137 dB(C) peak. */
  public static final double UPPER_ACTION_DBA = 85;
  public static final double UPPER_ACTION_PEAK_DBC = 137;
  /** Art. 3 (1) (c): lower exposure action value, 80 dB(A) and 135 dB(C) peak. */
  public static final double LOWER_ACTION_DBA = 80;
  public static final double LOWER_ACTION_PEAK_DBC = 135;

  private static final double REFERENCE_SECONDS = REFERENCE.toSeconds();

  private NoiseExposure() {}

  /** The energy term t·10^(L/10) of one period at {@code levelDba}. */
  public static double energy(double levelDba, Duration duration) {
    return seconds(duration) * Math.pow(10, levelDba / 10);
  }

  /** L_EX,8h of an accumulated energy; negative infinity for no exposure at all. */
  public static double lex8h(double energy) {
    return 10 * Math.log10(energy / REFERENCE_SECONDS);
  }

  /** L_EX,8h of one level held for {@code duration}. */
  public static double lex8h(double levelDba, Duration duration) {
    return lex8h(energy(levelDba, duration));
  }

  /** The dose as a fraction of the upper action value: 1.0 means L_EX,8h = 85 dB(A). */
  public static double doseRatio(double energy) {
    return energy / (REFERENCE_SECONDS * Math.pow(10, UPPER_ACTION_DBA / 10));
  }

  /** The time a level may be held before the dose reaches 1.0: 8 h at 85 dB(A), halved per 3 dB above. */
  public static Duration allowedTime(double levelDba) {
    double seconds = REFERENCE_SECONDS * Math.pow(10, (UPPER_ACTION_DBA - levelDba) / 10);
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
