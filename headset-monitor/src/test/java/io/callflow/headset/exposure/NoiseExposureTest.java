package io.callflow.headset.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoiseExposureTest {

  @ParameterizedTest(name = "{0} dB(A) for {1} h -> L_EX,8h {2}")
  @CsvSource({
      // Directive 2003/10/EC Art. 2 (a) / ISO 1999: 8 h at L gives L_EX,8h = L.
      "85, 8, 85.00",
      // Equal-energy rule, 3 dB exchange: half the time, 3 dB more (10*log10(2) = 3.01).
      "88, 4, 84.99",
      "91, 2, 84.98",
      // 80 dB(A), the lower action value, for a full day.
      "80, 8, 80.00",
      // 94 dB(A) for 1 h: 94 + 10*log10(1/8) = 84.97.
      "94, 1, 84.97"})
  void dailyExposureFollowsTheEqualEnergyRule(double level, long hours, double lex) {
    assertThat(NoiseExposure.lex8h(level, Duration.ofHours(hours))).isCloseTo(lex, within(0.005));
  }

  @Test
  void doseIsOneAtTheUpperActionValue() {
    // 85 dB(A) for 8 h is L_EX,8h = 85, the upper action value of Art. 3 (1) (b): dose 1.0.
    assertThat(NoiseExposure.doseRatio(NoiseExposure.energy(85, Duration.ofHours(8)))).isCloseTo(1.0, within(1e-12));
    // 88 dB(A) for 4 h: 10^0.3 / 2 = 0.9976.
    assertThat(NoiseExposure.doseRatio(NoiseExposure.energy(88, Duration.ofHours(4)))).isCloseTo(0.9976, within(1e-4));
    // 80 dB(A) for 8 h: 10^-0.5 = 0.3162.
    assertThat(NoiseExposure.doseRatio(NoiseExposure.energy(80, Duration.ofHours(8)))).isCloseTo(0.3162, within(1e-4));
  }

  @Test
  void doseAddsAcrossPeriods() {
    // 85 dB(A) for 4 h plus 85 dB(A) for 4 h is one full day at 85: dose 1.0.
    double energy = NoiseExposure.energy(85, Duration.ofHours(4)) + NoiseExposure.energy(85, Duration.ofHours(4));
    assertThat(NoiseExposure.doseRatio(energy)).isCloseTo(1.0, within(1e-12));
    assertThat(NoiseExposure.lex8h(energy)).isCloseTo(85.0, within(1e-9));
  }

  @Test
  void allowedTimeHalvesPerThreeDecibels() {
    // 8 h at 85; 88.0103 (85 + 10*log10 2) halves it exactly.
    assertThat(NoiseExposure.allowedTime(85)).isEqualTo(Duration.ofHours(8));
    assertThat(NoiseExposure.allowedTime(85 + 10 * Math.log10(2))).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void bandsFollowTheDirectiveValues() {
    // Art. 3 (1): lower action 80 dB(A) / 135 dB(C), upper action 85 / 137, limit 87 / 140.
    assertThat(ExposureBand.ofLex8h(79.9)).isEqualTo(ExposureBand.BELOW_ACTION);
    assertThat(ExposureBand.ofLex8h(80)).isEqualTo(ExposureBand.LOWER_ACTION);
    assertThat(ExposureBand.ofLex8h(85)).isEqualTo(ExposureBand.UPPER_ACTION);
    assertThat(ExposureBand.ofLex8h(87)).isEqualTo(ExposureBand.UPPER_ACTION);
    assertThat(ExposureBand.ofLex8h(87.1)).isEqualTo(ExposureBand.LIMIT_EXCEEDED);
    assertThat(ExposureBand.ofPeak(134.9)).isEqualTo(ExposureBand.BELOW_ACTION);
    assertThat(ExposureBand.ofPeak(135)).isEqualTo(ExposureBand.LOWER_ACTION);
    assertThat(ExposureBand.ofPeak(137)).isEqualTo(ExposureBand.UPPER_ACTION);
    assertThat(ExposureBand.ofPeak(140.5)).isEqualTo(ExposureBand.LIMIT_EXCEEDED);
  }
}
