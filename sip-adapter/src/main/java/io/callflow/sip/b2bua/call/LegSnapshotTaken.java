package io.callflow.sip.b2bua.call;

import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import java.util.Objects;

/**
 * A leg's dialog and media as they are now ({@code LegSnapshot.from(leg).encode()}), taken on
 * the call's event loop each time they changed, for the store: after a restart the newest
 * one per leg is what the leg is probed and restored from.
 *
 * @param callId core's call id (the customer leg's SIP Call-ID)
 * @param leg which leg the bytes describe
 * @param snapshot the encoded {@code io.callflow.sip.b2bua.recovery.LegSnapshot}; not copied
 */
public record LegSnapshotTaken(CallId callId, Leg leg, byte[] snapshot) {

  public LegSnapshotTaken {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(leg, "leg");
    Objects.requireNonNull(snapshot, "snapshot");
  }
}
