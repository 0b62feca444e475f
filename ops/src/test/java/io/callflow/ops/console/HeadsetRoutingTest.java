package io.callflow.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.core.model.CallId;
import io.callflow.headset.fault.Fault;
import io.callflow.headset.fault.FaultStatus;
import io.callflow.headset.fault.HealthChange;
import io.callflow.headset.health.FaultType;
import io.callflow.headset.health.HealthState;
import io.callflow.headset.health.Severity;
import io.callflow.ops.headset.HeadsetAlerts;
import io.callflow.ops.headset.HeadsetRouting;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Headset faults reach the agent's console and the alert count through {@link HeadsetRouting}. */
class HeadsetRoutingTest {

  private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AgentConsoleHub hub = new AgentConsoleHub(ConsoleSettings.defaults(), registry, callId -> { });
  private final HeadsetAlerts alerts = HeadsetRouting.alerts(
      new ConsoleEffects(hub, callId -> Optional.empty(), List.of()), hub, registry);
  private final Fault noise = new Fault("hf-1", AT, "a-7", "hq", "3F-A12", "hs-1", FaultType.NOISE, Severity.FAULT,
      "noise 70 dB(A)", FaultStatus.OPEN, AT, null);

  @Test
  void aFaultMidCallShowsTheFixAsAHeadsetBannerOnTheAgentsConsole() {
    CallId call = new CallId("c-1");
    hub.assign(call, "a-7");
    EmbeddedChannel tab = Tabs.openPastHello(hub, "a-7");

    alerts.onHealthChanged(new HealthChange(AT, "a-7", "hq", "3F-A12", "hs-1", HealthState.OK, HealthState.FAULT,
        List.of(noise)));

    JsonNode banner = Tabs.received(tab).get(0);
    assertThat(banner.get("type").asText()).isEqualTo("banner");
    assertThat(banner.toString()).contains("HEADSET_FAULT", "c-1", noise.troubleshooting());
  }

  @Test
  void aFaultOutsideACallPromptsNobody() {
    EmbeddedChannel tab = Tabs.openPastHello(hub, "a-7");

    alerts.onHealthChanged(new HealthChange(AT, "a-7", "hq", "3F-A12", "hs-1", HealthState.OK, HealthState.FAULT,
        List.of(noise)));

    assertThat(Tabs.received(tab)).isEmpty();
  }

  @Test
  void aRaisedFaultIsCountedWithTheAlertsAsCriticalForItsType() {
    alerts.onFault(noise);

    assertThat(registry.get("callflow_alerts").tag("kind", "HEADSET_NOISE").tag("severity", "CRITICAL")
        .counter().count()).isEqualTo(1.0);
  }
}
