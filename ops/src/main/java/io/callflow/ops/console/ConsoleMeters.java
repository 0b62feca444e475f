package io.callflow.ops.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console's meters:
 *
 * <pre>
 * # HELP callflow_console_sessions Open agent console WebSocket sessions (browser tabs)
 * # TYPE callflow_console_sessions gauge
 * callflow_console_sessions 2.0
 * # HELP callflow_console_messages_dropped_total Console messages dropped because a tab could not keep up (oldest first)
 * # TYPE callflow_console_messages_dropped_total counter
 * callflow_console_messages_dropped_total 0.0
 * </pre>
 */
final class ConsoleMeters {

  private final AtomicInteger sessions = new AtomicInteger();
  private final Counter dropped;

  ConsoleMeters(MeterRegistry registry) {
    Gauge.builder("callflow.console.sessions", sessions, AtomicInteger::get)
        .description("Open agent console WebSocket sessions (browser tabs)")
        .baseUnit("sessions")
        .strongReference(true)
        .register(registry);
    // No base unit on purpose: Micrometer would append it to the exported name
    // (callflow_console_messages_dropped_messages_total); the name already says "messages".
    dropped = Counter.builder("callflow.console.messages.dropped")
        .description("Console messages dropped because a tab could not keep up (oldest first)")
        .register(registry);
  }

  void opened() {
    sessions.incrementAndGet();
  }

  void closed() {
    sessions.decrementAndGet();
  }

  void droppedOne() {
    dropped.increment();
  }
}
