package io.callflow.headset.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EModelTest {

  @Test
  void defaultRatingOf93Point2GivesMos4Point41() {
    // G.107 §7: with all parameters at their Table 3 defaults R = 93.2; Annex B eq. B-4 gives MOS 4.41.
    assertThat(EModel.R_DEFAULT).isEqualTo(93.2);
    assertThat(EModel.mos(93.2)).isCloseTo(4.41, within(0.005));
  }

  @ParameterizedTest(name = "R = {0} -> MOS {1}")
  @CsvSource({"50, 2.58", "60, 3.10", "70, 3.60", "80, 4.03", "90, 4.34"})
  void mosOfTheG109BandEdgesMatchesTheHistogramBounds(double r, double mos) {
    // G.107 Annex B eq. B-4 at the G.109 band edges (G.107 Figure B.1 / G.109 Table 1):
    // 50 -> 2.58, 60 -> 3.10, 70 -> 3.60, 80 -> 4.03, 90 -> 4.34. The formula gives 2.575, 3.100,
    // 3.597, 4.024 and 4.339; G.109 prints 4.03 for R = 80, hence the tolerance of 0.006.
    assertThat(EModel.mos(r)).isCloseTo(mos, within(0.006));
  }

  @Test
  void mosIsClampedOutsideZeroToHundred() {
    // G.107 Annex B: MOS = 1 for R < 0 and 4.5 for R > 100.
    assertThat(EModel.mos(-5)).isEqualTo(1.0);
    assertThat(EModel.mos(105)).isEqualTo(4.5);
  }

  @Test
  void codecConstantsAreThoseOfG113AppendixI() {
    // G.113 Appendix I, Table I.1 (Ie) and Table I.3 (Bpl, random loss).
    assertThat(Codec.G711.ie()).isEqualTo(0);
    assertThat(Codec.G711.bpl()).isEqualTo(4.3);
    assertThat(Codec.G711_PLC.ie()).isEqualTo(0);
    assertThat(Codec.G711_PLC.bpl()).isEqualTo(25.1);
    assertThat(Codec.G729A.ie()).isEqualTo(11);
    assertThat(Codec.G729A.bpl()).isEqualTo(19.0);
    assertThat(Codec.G723_1.ie()).isEqualTo(15);
    assertThat(Codec.G723_1.bpl()).isEqualTo(16.1);
  }

  @Test
  void noLossLeavesOnlyTheCodecImpairment() {
    // G.107 eq. 3-29 with Ppl = 0: Ie,eff = Ie.
    assertThat(EModel.effectiveEquipmentImpairment(Codec.G729A, 0, 1)).isEqualTo(11.0);
    assertThat(EModel.rFactor(Codec.G711_PLC, 0, 1, 0)).isEqualTo(93.2);
  }

  @Test
  void randomLossRaisesTheEffectiveImpairmentByEquation3Dash29() {
    // By hand from eq. 3-29, BurstR = 1:
    // G.729A, Ppl = 2 %:  11 + (95 - 11) * 2 / (2 + 19.0) = 11 + 8.0 = 19.0
    // G.711+PLC, Ppl = 1 %: 0 + 95 * 1 / (1 + 25.1) = 3.640
    // G.711,     Ppl = 1 %: 0 + 95 * 1 / (1 + 4.3)  = 17.925
    assertThat(EModel.effectiveEquipmentImpairment(Codec.G729A, 2, 1)).isCloseTo(19.0, within(1e-9));
    assertThat(EModel.effectiveEquipmentImpairment(Codec.G711_PLC, 1, 1)).isCloseTo(3.640, within(0.001));
    assertThat(EModel.effectiveEquipmentImpairment(Codec.G711, 1, 1)).isCloseTo(17.925, within(0.001));
  }

  @Test
  void delayUpTo100MillisecondsCostsNothingAndMoreCostsByEquation3Dash27() {
    // eq. 3-27: Idd = 0 for Ta <= mT = 100 ms. At Ta = 200 ms, X = 1:
    // 25 * ((1 + 1)^(1/6) - 3 * (1 + 1/729)^(1/6) + 2) = 25 * (1.122462 - 3.000686 + 2) = 3.044
    // At Ta = 400 ms, X = 2: 25 * ((65)^(1/6) - 3 * (1 + 64/729)^(1/6) + 2) = 25 * (2.005175 - 3.042372 + 2) = 24.070
    assertThat(EModel.delayImpairment(100)).isZero();
    assertThat(EModel.delayImpairment(200)).isCloseTo(3.044, within(0.001));
    assertThat(EModel.delayImpairment(400)).isCloseTo(24.070, within(0.001));
  }

  @Test
  void g729aWithTwoPercentLossAndLowDelayRatesAbout74() {
    // R = 93.2 - 0 - 19.0 = 74.2 -> MOS = 1 + 0.035*74.2 + 74.2*14.2*25.8*7e-6 = 3.787
    double r = EModel.rFactor(Codec.G729A, 2, 1, 80);
    assertThat(r).isCloseTo(74.2, within(1e-9));
    assertThat(EModel.mos(r)).isCloseTo(3.787, within(0.001));
  }

  @Test
  void payloadTypesMapToCodecsAndPlcSelectsTheConcealingG711() {
    // RFC 3551 §6 static payload types; RFC 6035 §4.7 PLC 2 = enhanced, 3 = standard.
    assertThat(Codec.of(0, "PCMU", 3)).isEqualTo(Codec.G711_PLC);
    assertThat(Codec.of(8, null, 1)).isEqualTo(Codec.G711);
    assertThat(Codec.of(0, null, 0)).isEqualTo(Codec.G711);
    assertThat(Codec.of(18, "G729", 3)).isEqualTo(Codec.G729A);
    assertThat(Codec.of(4, null, null)).isEqualTo(Codec.G723_1);
    assertThat(Codec.of(9, "G722", 3)).isNull();
  }
}
