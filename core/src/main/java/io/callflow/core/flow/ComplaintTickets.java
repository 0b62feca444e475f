package io.callflow.core.flow;

import io.callflow.core.model.CallId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/** Issues complaint ticket numbers; inject another to use the centre's own ticket system. */
@FunctionalInterface
public interface ComplaintTickets {

  String issue(CallId callId, Instant at);

  /**
   * Tickets like {@code C-20260105-090000-0001}: the time to the second, then a counter, so
   * numbers stay unique across restarts as long as a restart takes more than a second.
   */
  static ComplaintTickets timestamped() {
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .withZone(ZoneOffset.UTC);
    AtomicLong counter = new AtomicLong();
    return (callId, at) -> String.format("C-%s-%04d", format.format(at),
        counter.incrementAndGet() % 10_000);
  }
}
