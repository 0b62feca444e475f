package io.callflow.sip.edge;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts refused requests by reason; read by the refusal meter binder and by tests. */
public final class RefusalCounter {

  private final Map<RefusalReason, LongAdder> counts = new EnumMap<>(RefusalReason.class);

  public RefusalCounter() {
    for (RefusalReason reason : RefusalReason.values()) {
      counts.put(reason, new LongAdder());
    }
  }

  void record(RefusalReason reason) {
    counts.get(reason).increment();
  }

  /** Requests refused for {@code reason} since start. */
  public long count(RefusalReason reason) {
    return counts.get(reason).sum();
  }
}
