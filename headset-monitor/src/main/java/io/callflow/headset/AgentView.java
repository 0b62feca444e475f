package io.callflow.headset;

import io.callflow.headset.exposure.ExposureSummary;
import io.callflow.headset.health.HealthState;
import io.callflow.headset.telemetry.DeviceInfo;
import java.time.Instant;

/** A snapshot of one agent's headset for the console and the REST API. */
public record AgentView(String agentId, String site, String seat, DeviceInfo device, HealthState state,
    ExposureSummary exposure, Instant lastHeard) {}
