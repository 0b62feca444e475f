package io.callflow.sip.b2bua.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.sip.b2bua.AgentHuntSettings;
import io.callflow.sip.b2bua.DropSettings;
import io.callflow.sip.b2bua.MaxForwardsPolicy;
import io.callflow.sip.b2bua.SessionTimerSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class B2buaSettingsTest {

  private static B2buaSettings with(RoutingMode mode, Optional<String> nextHop, String transport,
      Duration ring, Duration dropHold) {
    return new B2buaSettings(mode, nextHop, transport, Optional.empty(), ring, dropHold, MaxForwardsPolicy.defaults(),
        SessionTimerSettings.defaults(), DropSettings.defaults(), AgentHuntSettings.defaults());
  }

  @Test
  void defaultsRingAgentsFor30SecondsAndKeepADroppedCallFor120Seconds() {
    B2buaSettings settings = B2buaSettings.transparent("sip:192.0.2.5:5060");

    assertThat(settings.agentRingTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.dropHoldTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.transport()).isEqualTo("UDP");
    assertThat(settings.maxForwards().initial()).isEqualTo(70);
  }

  @Test
  void transparentRoutingWithoutNextHopNamesTheKey() {
    assertThatThrownBy(() -> with(RoutingMode.TRANSPARENT, Optional.empty(), "UDP",
        Duration.ofSeconds(30), Duration.ofSeconds(120)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.next-hop");
  }

  @Test
  void nextHopThatIsNotASipUriNamesTheKeyAndTheFix() {
    assertThatThrownBy(() -> B2buaSettings.transparent("192.0.2.5:5060"))
        .hasMessageContaining("b2bua.next-hop").hasMessageContaining("sip:host:port");
  }

  @Test
  void ringTimeoutOutOfRangeNamesTheKeyAndTheRange() {
    assertThatThrownBy(() -> B2buaSettings.registrar().withAgentRingTimeout(Duration.ofMillis(200)))
        .hasMessageContaining("b2bua.agent-ring-timeout").hasMessageContaining("1s..600s");
  }

  @Test
  void dropHoldTimeoutOutOfRangeNamesTheKey() {
    assertThatThrownBy(() -> with(RoutingMode.REGISTRAR, Optional.empty(), "UDP", Duration.ofSeconds(30),
        Duration.ofHours(2))).hasMessageContaining("b2bua.drop-hold-timeout");
  }

  @Test
  void unknownTransportNamesTheKey() {
    assertThatThrownBy(() -> with(RoutingMode.REGISTRAR, Optional.empty(), "SCTP", Duration.ofSeconds(30),
        Duration.ofSeconds(30))).hasMessageContaining("b2bua.transport").hasMessageContaining("UDP or TCP");
  }

  @Test
  void missingRoutingModeNamesTheKey() {
    assertThatThrownBy(() -> with(null, Optional.empty(), "UDP", Duration.ofSeconds(30), Duration.ofSeconds(30)))
        .hasMessageContaining("b2bua.routing");
  }
}
