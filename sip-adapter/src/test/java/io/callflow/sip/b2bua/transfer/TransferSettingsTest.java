package io.callflow.sip.b2bua.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransferSettingsTest {

  @Test
  void defaultsAllowAnySipTargetRingFor30Seconds() {
    TransferSettings defaults = TransferSettings.defaults();

    assertThat(defaults.allowedHosts()).isEmpty();
    assertThat(defaults.telRoute()).isEmpty();
    assertThat(defaults.ringTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void badAllowedHostNamesTheKey() {
    assertThatThrownBy(() -> TransferSettings.defaults().withAllowedHosts(Set.of("sip:user@host")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("b2bua.transfer.allowed-hosts:");
  }

  @Test
  void telRouteMustBeASipUri() {
    assertThatThrownBy(() -> TransferSettings.defaults().withTelRoute("tel:+1555"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("b2bua.transfer.tel-route:");
  }

  @Test
  void ringTimeoutOutsideItsRangeNamesTheKey() {
    assertThatThrownBy(() -> TransferSettings.defaults().withRingTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("b2bua.transfer.ring-timeout:");
    assertThatThrownBy(() -> TransferSettings.defaults().withRingTimeout(Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("b2bua.transfer.ring-timeout:");
  }
}
