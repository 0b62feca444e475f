package io.callflow.headset;

import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.exposure.DailyExposure;
import io.callflow.headset.exposure.WorkingDays;
import io.callflow.headset.fault.FaultBook;
import io.callflow.headset.health.DeviceHealth;
import io.callflow.headset.metrics.AgentReadings;
import io.callflow.headset.telemetry.DeviceInfo;
import java.time.Instant;

/** What the monitor keeps per logged-in agent: place, device, health, exposure and the gauge readings. */
final class AgentHeadset {

  final String agentId;
  final AgentReadings readings = new AgentReadings();
  final DailyExposure exposure;
  String site;
  String seat;
  DeviceInfo device;
  DeviceHealth health;
  Instant lastHeard;

  AgentHeadset(String agentId, MonitorSettings settings, WorkingDays days) {
    this.agentId = agentId;
    this.exposure = new DailyExposure(days, settings.timing().gapAfter());
  }

  FaultBook.Place place() {
    return new FaultBook.Place(agentId, site, seat, device == null ? null : device.deviceId());
  }
}
