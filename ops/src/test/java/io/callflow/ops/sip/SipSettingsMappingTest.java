package io.callflow.ops.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.config.SipConfig;
import io.callflow.sip.edge.RefusalMode;
import io.callflow.sip.stack.LocalEndpoint;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.ua.RegistrationSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SipSettingsMappingTest {

  private final SipConfig defaults = new ConfigLoader().defaults().sip();

  @Test
  void theShippedDefaultsMapToTheStacksRfcTimersOnLoopback() {
    SipStackSettings stack = SipSettingsMapping.stack(defaults);

    assertThat(stack.timers()).isEqualTo(TimerSettings.DEFAULTS);
    assertThat(stack.advertisedHost()).isEqualTo("127.0.0.1");
    assertThat(stack.transport().tcpIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(stack.transport().limits().maxMessageBytes()).isEqualTo(65_535);
    assertThat(SipSettingsMapping.edge(defaults).refusal()).isEqualTo(RefusalMode.REFUSE_403);
    assertThat(SipSettingsMapping.edge(defaults).phoneMethods()).contains("PUBLISH", "OPTIONS");
  }

  @Test
  void bindingEveryAddressWithoutAnAdvertisedHostIsAConfigErrorNamingTheKey() throws Exception {
    SipConfig any = withBindAddress(defaults, "0.0.0.0");

    assertThatThrownBy(() -> SipSettingsMapping.stack(any))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config error: sip.advertisedHost = : sip.advertisedHost is required");
  }

  @Test
  void aPeerWhoseUriHostIsANameIsAConfigErrorNamingTheItem() {
    SipConfig.Peer peer = new SipConfig.Peer("pbx", "sip:pbx.example.com:5060", Duration.ofSeconds(30),
        Duration.ofSeconds(5), 3);

    assertThatThrownBy(() -> SipSettingsMapping.peer(peer, 0))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config error: sip.peers[0].uri = sip:pbx.example.com:5060: the host must be an IP");
  }

  @Test
  void aPeerIsProbedAtTheIpAndPortOfItsUri() {
    SipConfig.Peer peer = new SipConfig.Peer("pbx", "sip:ping@192.0.2.10:5070;transport=udp", Duration.ofSeconds(30),
        Duration.ofSeconds(5), 3);

    assertThat(SipSettingsMapping.peer(peer, 0).address()).isEqualTo(new InetSocketAddress("192.0.2.10", 5070));
  }

  @Test
  void aRegistrationBindsTheUserAtThisStacksAddressOfRecordAtTheRegistrar() {
    SipConfig.RegisterAccount account = new SipConfig.RegisterAccount("trunk", "sip:[2001:db8::1]", "callflow",
        "CALLFLOW_TRUNK_PASSWORD", Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(30));

    RegistrationSettings settings = SipSettingsMapping.registration(account, 0, new LocalEndpoint("UDP", "192.0.2.2", 5062));

    assertThat(settings.aor()).isEqualTo("sip:callflow@[2001:db8::1]");
    assertThat(settings.contact()).isEqualTo("sip:callflow@192.0.2.2:5062");
    assertThat(SipSettingsMapping.registrarHop(account, 0).address())
        .isEqualTo(new InetSocketAddress("2001:db8::1", 5060));
  }

  @Test
  void aRegistrationNameThatCannotBeAMetricLabelIsAConfigErrorNamingTheKey() {
    SipConfig.RegisterAccount account = new SipConfig.RegisterAccount("main trunk", "sip:192.0.2.10", "callflow",
        "CALLFLOW_TRUNK_PASSWORD", Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofMinutes(30));

    assertThatThrownBy(() -> SipSettingsMapping.registration(account, 2, new LocalEndpoint("UDP", "192.0.2.2", 5060)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config error: sip.register[2].name = main trunk: must be 1 to 64 letters");
  }

  private static SipConfig withBindAddress(SipConfig c, String address) throws Exception {
    return new SipConfig(java.net.InetAddress.getByName(address), c.advertisedHost(), c.udpPort(), c.tcpPort(),
        c.tcpIdleTimeout(), c.udp(), c.timers(), c.limits(), c.allow(), c.refusal(), c.rateLimit(), c.options(), c.peers(),
        c.register());
  }
}
