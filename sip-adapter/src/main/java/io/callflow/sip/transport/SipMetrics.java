package io.callflow.sip.transport;

import io.callflow.sip.codec.FailureReason;
import io.callflow.sip.codec.SipTrafficObserver;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

  private static final Set<String> KNOWN_METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS",
      "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");

  private final MeterRegistry registry;
  private final Map<String, Counter> messages = new ConcurrentHashMap<>();
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
    count("in", message);
  }

  @Override
  public void outbound(SipMessage message) {
    count("out", message);
  }

  @Override
  public void failure(FailureReason reason) {
    failures.get(reason).increment();
  }

  @Override
  public void keepAlive() {
    keepAlives.increment();
  }

  private void count(String direction, SipMessage message) {
    String method;
    String statusClass;
    if (message instanceof SipRequest request) {
      method = methodLabel(request.method());
      statusClass = "none";
    } else {
      SipResponse response = (SipResponse) message;
      method = methodLabel(response.cseq().map(c -> c.method()).orElse(""));
      statusClass = response.statusClass() + "xx";
    }
    String key = direction + ' ' + method + ' ' + statusClass;
    messages.computeIfAbsent(key, k -> Counter.builder(MESSAGES)
        .description("SIP messages received and sent")
        .baseUnit("messages")
        .tag("direction", direction)
        .tag("method", method)
        .tag("status_class", statusClass)
        .register(registry)).increment();
  }

  static String methodLabel(String method) {
    return KNOWN_METHODS.contains(method) ? method : "other";
  }
}
