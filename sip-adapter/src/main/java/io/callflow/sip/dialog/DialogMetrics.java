package io.callflow.sip.dialog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dialog gauge, shared by every event loop's {@link DialogTable}. Prometheus name:
 * <pre>
 * callflow_sip_active_dialogs
 * </pre>
 */
public final class DialogMetrics {

  /** Held strongly here: Micrometer gauges keep only a weak reference. */
  private final AtomicLong active = new AtomicLong();

  public DialogMetrics(MeterRegistry registry) {
    Gauge.builder("callflow.sip.active.dialogs", active, AtomicLong::get)
        .baseUnit("dialogs")
        .description("SIP dialogs, early or confirmed, not yet terminated")
        .register(registry);
  }

  /** Meters that go nowhere, for tests that do not look at them. */
  public static DialogMetrics unregistered() {
    return new DialogMetrics(new SimpleMeterRegistry());
  }

  void added() {
    active.incrementAndGet();
  }

  void removed() {
    active.decrementAndGet();
  }

  /** Dialogs over every event loop. */
  public long active() {
    return active.get();
  }
}
