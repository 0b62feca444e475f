package io.callflow.sip.transport;

import io.callflow.sip.codec.FailureReason;
import io.callflow.sip.codec.SipTrafficObserver;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * SIP traffic counters. Labels are bounded: methods outside RFC 3261 and its common extensions
 * count as {@code other}. Exposition after Prometheus naming:
 * <pre>
 * callflow_sip_messages_total{direction="in",method="INVITE",status_class="none"} 1.0
 * callflow_sip_messages_total{direction="out",method="INVITE",status_class="1xx"} 1.0
 * callflow_sip_parse_failures_total{reason="bad_version"} 1.0
 * callflow_sip_keepalives_total 1.0
 * </pre>
 */
public final class SipMetrics implements SipTrafficObserver {

  static final String MESSAGES = "callflow.sip.messages";
  static final String PARSE_FAILURES = "callflow.sip.parse.failures";
  static final String KEEPALIVES = "callflow.sip.keepalives";

  /** The method labels, the most frequent first (looked up by a linear scan); "other" last. */
  private static final List<String> METHODS = List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS",
      "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE",
      "other");
  /** Requests have no status class; responses by first digit (RFC 3261 §7.2). */
  private static final String[] STATUS_CLASSES = {"none", "1xx", "2xx", "3xx", "4xx", "5xx", "6xx"};

  private final MeterRegistry registry;
  /**
   * The message counters by direction, method and status class, each registered on first use:
   * a message costs an index computation, not a label string built and hashed.
   */
  private final AtomicReferenceArray<Counter> messages =
      new AtomicReferenceArray<>(Direction.values().length * METHODS.size() * STATUS_CLASSES.length);
  private final Map<FailureReason, Counter> failures = new EnumMap<>(FailureReason.class);
  private final Counter keepAlives;

  public SipMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (FailureReason reason : FailureReason.values()) {
      failures.put(reason, Counter.builder(PARSE_FAILURES)
          .description("Inbound SIP messages refused by framing, parsing or validation, answered or dropped")
          .baseUnit("failures")
          .tag("reason", reason.label())
          .register(registry));
    }
    keepAlives = Counter.builder(KEEPALIVES)
        .description("Double-CRLF keep-alive pings answered on SIP streams (RFC 5626)")
        .baseUnit("keepalives")
        .register(registry);
  }

  @Override
  public void inbound(SipMessage message) {
    count(Direction.IN, message);
  }

  @Override
  public void outbound(SipMessage message) {
    count(Direction.OUT, message);
  }

  @Override
  public void failure(FailureReason reason) {
    failures.get(reason).increment();
  }

  @Override
  public void keepAlive() {
    keepAlives.increment();
  }

  private void count(Direction direction, SipMessage message) {
    int method;
    int statusClass;
    if (message instanceof SipRequest request) {
      method = methodIndex(request.method());
      statusClass = 0;
    } else {
      SipResponse response = (SipResponse) message;
      method = methodIndex(response.cseq().map(c -> c.method()).orElse(""));
      // 1xx..6xx (§7.2): the reader drops a response outside 100..699 before it is counted and
      // this side sends none; the clamp only keeps a counting slip from throwing on a loop.
      statusClass = Math.min(Math.max(response.statusClass(), 1), STATUS_CLASSES.length - 1);
    }
    int slot = (direction.ordinal() * METHODS.size() + method) * STATUS_CLASSES.length + statusClass;
    Counter counter = messages.get(slot);
    if (counter == null) {
      // Registering twice (two loops at once) is harmless: the registry returns the same counter.
      counter = Counter.builder(MESSAGES)
          .description("SIP messages received and sent")
          .baseUnit("messages")
          .tag("direction", direction.label)
          .tag("method", METHODS.get(method))
          .tag("status_class", STATUS_CLASSES[statusClass])
          .register(registry);
      messages.set(slot, counter);
    }
    counter.increment();
  }

  /** The index of {@code method}'s label in {@link #METHODS}; unknown methods share {@code other}. */
  private static int methodIndex(String method) {
    int known = METHODS.indexOf(method);
    return known >= 0 ? known : METHODS.size() - 1;
  }

  static String methodLabel(String method) {
    return METHODS.get(methodIndex(method));
  }

  private enum Direction {
    IN("in"), OUT("out");

    private final String label;

    Direction(String label) {
      this.label = label;
    }
  }
}
