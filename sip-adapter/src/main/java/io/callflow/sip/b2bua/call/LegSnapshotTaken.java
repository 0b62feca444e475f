package io.callflow.sip.b2bua.call;

import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A leg's dialog and media as they are now, taken on the call's event loop each time they
 * changed, for the store: after a restart the newest one per leg is what the leg is probed
 * and restored from. The loop only takes the immutable picture
 * ({@code io.callflow.sip.b2bua.recovery.LegSnapshot}); encoding it to bytes, the costly part,
 * is left to whoever stores it, on its own thread.
 *
 * @param callId core's call id (the customer leg's SIP Call-ID)
 * @param leg which leg the bytes describe
 * @param encoding gives the encoded snapshot each time it is asked (pure; may throw
 *     {@code RuntimeException} when the picture cannot be encoded)
 */
public record LegSnapshotTaken(CallId callId, Leg leg, Supplier<byte[]> encoding) {

  public LegSnapshotTaken {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(leg, "leg");
    Objects.requireNonNull(encoding, "encoding");
  }

  /** The snapshot's bytes, encoded now; call it off the event loop. */
  public byte[] snapshot() {
    return encoding.get();
  }
}
