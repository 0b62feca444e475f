package io.callflow.headset.shiftcheck;

import java.time.Instant;

/** What the desktop measured in the headset part of the start-of-shift check (procedure 2.2 c). */
public record ShiftCheckReport(String agentId, String site, String seat, String deviceId, Instant at,
    double loopbackLevelDba, double noiseFloorDba) {}
