package io.callflow.headset.exposure;

/** Where a daily exposure or a peak stands against the values of Directive 2003/10/EC Art. 3. */
public enum ExposureBand {
  BELOW_ACTION,
  LOWER_ACTION,
  UPPER_ACTION,
  LIMIT_EXCEEDED;

  /** The band of a daily exposure L_EX,8h in dB(A): 80 / 85 / above 87. */
  public static ExposureBand ofLex8h(double lex8hDba) {
    return of(lex8hDba, NoiseExposure.LOWER_ACTION_DBA, NoiseExposure.UPPER_ACTION_DBA, NoiseExposure.LIMIT_DBA);
  }

  /** The band of a peak sound pressure in dB(C): 135 / 137 / above 140. */
  public static ExposureBand ofPeak(double peakDbc) {
    return of(peakDbc, NoiseExposure.LOWER_ACTION_PEAK_DBC, NoiseExposure.UPPER_ACTION_PEAK_DBC,
        NoiseExposure.LIMIT_PEAK_DBC);
  }

  private static ExposureBand of(double value, double lower, double upper, double limit) {
    if (value > limit) {
      return LIMIT_EXCEEDED;
    }
    if (value >= upper) {
      return UPPER_ACTION;
    }
    return value >= lower ? LOWER_ACTION : BELOW_ACTION;
  }
}
