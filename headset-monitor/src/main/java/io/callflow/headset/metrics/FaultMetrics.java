package io.callflow.headset.metrics;

import io.callflow.headset.health.FaultType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Headset faults by type:
 *
 * <pre>
 * callflow_headset_open_faults{type="noise"} 1.0
 * callflow_headset_faults_total{type="noise"} 3.0
 * </pre>
 *
 * "Open" counts faults not yet closed (open, acknowledged or cleared awaiting closure).
 */
public final class FaultMetrics implements MeterBinder {

  private final Supplier<Map<FaultType, Integer>> openByType;
  private final Map<FaultType, Counter> raised = new EnumMap<>(FaultType.class);

  /** @param openByType the fault book's count of faults not closed, per type */
  public FaultMetrics(Supplier<Map<FaultType, Integer>> openByType) {
    this.openByType = openByType;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (FaultType type : FaultType.values()) {
      Gauge.builder("callflow.headset.open.faults", openByType, counts -> counts.get().getOrDefault(type, 0))
          .tag("type", type.label()).baseUnit("faults").description("Headset faults not yet closed")
          .register(registry);
      raised.put(type, Counter.builder("callflow.headset.faults").tag("type", type.label())
          .baseUnit("faults").description("Headset faults raised, escalated or reopened").register(registry));
    }
  }

  public void raised(FaultType type) {
    Counter counter = raised.get(type);
    if (counter != null) {
      counter.increment();
    }
  }
}
