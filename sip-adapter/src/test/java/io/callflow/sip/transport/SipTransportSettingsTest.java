package io.callflow.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.sip.codec.SipLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SipTransportSettingsTest {

  @Test
  void defaultsAreValid() {
    SipTransportSettings defaults = SipTransportSettings.defaults();
    assertThat(defaults.udpPort()).isEqualTo(5060);
    assertThat(defaults.limits()).isEqualTo(SipLimits.defaults());
  }

  @Test
  void hostNameAsBindAddressIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> new SipTransportSettings("sip.example.com", 5060, 5060, Duration.ofMinutes(1),
        SipLimits.defaults())).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sip.bindAddress");
  }

  @Test
  void portOutOfRangeIsRefusedWithTheRange() {
    assertThatThrownBy(() -> new SipTransportSettings("127.0.0.1", 70000, 5060, Duration.ofMinutes(1),
        SipLimits.defaults())).hasMessage("sip.udpPort must be between 0 and 65535 (0 picks a free port), got 70000");
    assertThatThrownBy(() -> new SipTransportSettings("::1", 5060, -1, Duration.ofMinutes(1), SipLimits.defaults()))
        .hasMessageStartingWith("sip.tcpPort must be between 0 and 65535");
  }

  @Test
  void idleTimeoutOutOfRangeIsRefused() {
    assertThatThrownBy(() -> new SipTransportSettings("0.0.0.0", 5060, 5060, Duration.ZERO, SipLimits.defaults()))
        .hasMessageStartingWith("sip.tcpIdleTimeout must be between");
  }

  @Test
  void limitsOutOfRangeOrInconsistentAreRefusedNamingTheLimit() {
    assertThatThrownBy(() -> new SipLimits(10, 1000, 1000, 2000))
        .hasMessage("sip.limits.maxStartLineBytes must be between 64 and 16777216, got 10");
    assertThatThrownBy(() -> new SipLimits(1000, 500, 1000, 2000))
        .hasMessage("sip.limits.maxHeaderBytes must be between 1000 and 16777216, got 500");
    assertThatThrownBy(() -> new SipLimits(100, 1000, -1, 2000))
        .hasMessageStartingWith("sip.limits.maxBodyBytes");
    assertThatThrownBy(() -> new SipLimits(100, 1000, 10, 999))
        .hasMessage("sip.limits.maxMessageBytes must be between 1000 and 16777216, got 999");
  }

  @Test
  void udpBuffersDefaultTo4MibWithReusePortAndOutOfRangeSizesAreRefusedNamingTheKey() {
    assertThat(new SipTransportSettings("127.0.0.1", 0, 0, Duration.ofMinutes(1), SipLimits.defaults()).udp())
        .isEqualTo(new UdpSocketSettings(4 * 1024 * 1024, 4 * 1024 * 1024, true));
    assertThatThrownBy(() -> new UdpSocketSettings(1024, UdpSocketSettings.DEFAULT_BUFFER_BYTES, true))
        .hasMessage("sip.udp.receiveBufferBytes must be between 65536 and 268435456 bytes, got 1024");
    assertThatThrownBy(() -> new UdpSocketSettings(UdpSocketSettings.DEFAULT_BUFFER_BYTES, Integer.MAX_VALUE, true))
        .hasMessageStartingWith("sip.udp.sendBufferBytes");
  }
}
