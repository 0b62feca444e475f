package io.callflow.ops.headset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.headset.config.MonitorSettings;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.HeadsetConfig;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HeadsetSettingsMappingTest {

  private final HeadsetConfig shipped = new ConfigLoader().defaults().headset();

  private static HeadsetConfig with(HeadsetConfig base, Duration disconnectedAfter, HeadsetConfig.Thresholds t) {
    return new HeadsetConfig(disconnectedAfter, base.day(), t);
  }

  private static HeadsetConfig.Thresholds thresholds(double lower, double upper, double limit, double minMos,
      Duration flapWindow) {
    return new HeadsetConfig.Thresholds(lower, upper, limit, -50, minMos, 4, flapWindow);
  }

  @Test
  void theShippedDefaultsMapToTheMonitorDefaultsWhereTheyOverlap() {
    MonitorSettings settings = HeadsetSettingsMapping.from(shipped);
    MonitorSettings monitorDefaults = MonitorSettings.defaults();

    assertThat(settings.timing().disconnectedAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.timing().flapWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.thresholds().flapChanges()).isEqualTo(4);
    assertThat(settings.thresholds().mosDegraded()).isEqualTo(3.6);
    assertThat(settings.thresholds().mosFault()).isEqualTo(3.1);
    assertThat(settings.day().start()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(settings.day().zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(settings.hysteresis()).isEqualTo(monitorDefaults.hysteresis());
    assertThat(settings.limits()).isEqualTo(monitorDefaults.limits());
    assertThat(settings.shiftCheck()).isEqualTo(monitorDefaults.shiftCheck());
  }

  @Test
  void theDayBoundaryAndZoneAreCarriedOver() {
    HeadsetConfig config = new HeadsetConfig(shipped.disconnectedAfter(),
        new HeadsetConfig.Day(LocalTime.of(6, 30), ZoneId.of("Europe/Berlin")), shipped.thresholds());

    MonitorSettings.WorkingDay day = HeadsetSettingsMapping.from(config).day();

    assertThat(day.start()).isEqualTo(LocalTime.of(6, 30));
    assertThat(day.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void aLowMinimumMosKeepsTheEscalationHalfAPointBelowIt() {
    HeadsetConfig config = with(shipped, shipped.disconnectedAfter(), thresholds(80, 85, 87, 3.0, Duration.ofMinutes(10)));

    MonitorSettings.Thresholds t = HeadsetSettingsMapping.from(config).thresholds();

    assertThat(t.mosDegraded()).isEqualTo(3.0);
    assertThat(t.mosFault()).isEqualTo(2.5);
  }

  @Test
  void valuesTheMonitorCannotTakeAreRefusedNamingEachConfigKeyAndTheFix() {
    HeadsetConfig config = with(shipped, Duration.ofSeconds(2), thresholds(75, 85, 87, 1.2, Duration.ofHours(2)));

    assertThatThrownBy(() -> HeadsetSettingsMapping.from(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("headset.disconnectedAfter = PT2S").hasMessageContaining("at least 5s")
        .hasMessageContaining("headset.thresholds.flapWindow = PT2H").hasMessageContaining("at most 1h")
        .hasMessageContaining("headset.thresholds.minMos = 1.2").hasMessageContaining("between 1.5 and 4.5")
        .hasMessageContaining("headset.thresholds.lowerActionDba = 75.0: is not adjustable")
        .hasMessageContaining("set 80");
  }
}
