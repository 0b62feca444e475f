package io.callflow.headset.telemetry;

/** The headset a batch describes, as the desktop identifies it. */
public record DeviceInfo(String deviceId, String vendor, String model, String firmware) {}
