package io.callflow.headset.telemetry;

/** What the agent said about the headset (procedure 4.2 c): discomfort, distortion heard, a free note. */
public record AgentReport(boolean discomfort, boolean distortionHeard, String note) {}
