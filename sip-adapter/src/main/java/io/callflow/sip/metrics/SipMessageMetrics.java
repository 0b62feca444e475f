package io.callflow.sip.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * SIP messages through the transports, and retransmissions. The stack calls {@link #request},
 * {@link #response} and {@link #retransmission()} per message; counting is a map lookup and a
 * {@link LongAdder} increment, and a series appears on first use. Labels stay bounded: methods
 * outside RFC 3261 and its common extensions count as {@code other}. Exposition:
 *
 * <pre>
 * # HELP callflow_sip_messages_total SIP messages sent and received
 * # TYPE callflow_sip_messages_total counter
 * callflow_sip_messages_total{direction="in",method="INVITE",status_class="none"} 1.0
 * callflow_sip_messages_total{direction="out",method="INVITE",status_class="2xx"} 1.0
 * # HELP callflow_sip_retransmissions_total SIP messages sent again by a transaction timer
 * # TYPE callflow_sip_retransmissions_total counter
 * callflow_sip_retransmissions_total 0.0
 * </pre>
 */
public final class SipMessageMetrics implements MeterBinder {

  /** Which way a message went. */
  public enum Direction { IN, OUT }

  /** RFC 3261 §27.4 plus PRACK, SUBSCRIBE, NOTIFY, PUBLISH, INFO, REFER, MESSAGE, UPDATE. */
  private static final Set<String> METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS",
      "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");

  private record Key(Direction direction, String method, String statusClass) {
  }

  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder retransmissions = new LongAdder();
  private volatile MeterRegistry registry;

  /** A request sent ({@code OUT}) or received ({@code IN}); label status_class="none". */
  public void request(Direction direction, String method) {
    count(new Key(direction, method(method), "none"));
  }

  /** A response to a {@code method} request, with status_class {@code 1xx}..{@code 6xx}. */
  public void response(Direction direction, String method, int status) {
    String statusClass = status >= 100 && status <= 699 ? status / 100 + "xx" : "other";
    count(new Key(direction, method(method), statusClass));
  }

  /** One retransmission by a transaction timer (RFC 3261 §17, Timers A, E, G). */
  public void retransmission() {
    retransmissions.increment();
  }

  @Override
  public void bindTo(MeterRegistry target) {
    FunctionCounter.builder("callflow.sip.retransmissions", retransmissions, LongAdder::sum)
        .description("SIP messages sent again by a transaction timer")
        .baseUnit("retransmissions")
        .register(target);
    this.registry = target;
    counts.forEach((key, adder) -> register(target, key, adder));
  }

  private void count(Key key) {
    LongAdder adder = counts.get(key);
    if (adder == null) {
      adder = counts.computeIfAbsent(key, unused -> new LongAdder());
      MeterRegistry target = registry;
      if (target != null) {
        register(target, key, adder);
      }
    }
    adder.increment();
  }

  private static void register(MeterRegistry target, Key key, LongAdder adder) {
    // Registering the same id twice returns the existing meter, so a race here is harmless.
    FunctionCounter.builder("callflow.sip.messages", adder, LongAdder::sum)
        .description("SIP messages sent and received")
        .baseUnit("messages")
        .tag("direction", key.direction().name().toLowerCase(Locale.ROOT))
        .tag("method", key.method())
        .tag("status_class", key.statusClass())
        .register(target);
  }

  private static String method(String method) {
    String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
    return METHODS.contains(upper) ? upper : "other";
  }
}
