package io.callflow.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.codec.FailureReason;
import io.callflow.sip.message.SipRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class SipMetricsTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final SipMetrics metrics = new SipMetrics(registry);

  @Test
  void countsMessagesByDirectionMethodAndStatusClass() {
    SipRequest options = (SipRequest) Messages.parse(Messages.OPTIONS);
    metrics.inbound(options);
    metrics.outbound(options.createResponse(200, "OK"));
    metrics.outbound(options.createResponse(200, "OK"));
    metrics.inbound(Messages.parse(Messages.OPTIONS.replace("OPTIONS", "FROB")));
    metrics.inbound(options.createResponse(603, "Decline"));

    assertThat(count("in", "OPTIONS", "none")).isEqualTo(1.0);
    assertThat(count("out", "OPTIONS", "2xx")).isEqualTo(2.0);
    assertThat(count("in", "other", "none")).isEqualTo(1.0);
    assertThat(count("in", "OPTIONS", "6xx")).isEqualTo(1.0);
    assertThat(registry.get(SipMetrics.MESSAGES).tag("method", "OPTIONS").counters()).hasSize(3);
  }

  @Test
  void unknownMethodsShareOneLabel() {
    assertThat(SipMetrics.methodLabel("!interesting-Method0123456789_*+`.%indeed'~")).isEqualTo("other");
    assertThat(SipMetrics.methodLabel("INVITE")).isEqualTo("INVITE");
  }

  @Test
  void countsFailuresByReasonAndEveryReasonExistsFromTheStart() {
    metrics.failure(FailureReason.BAD_VERSION);
    assertThat(registry.get(SipMetrics.PARSE_FAILURES).tag("reason", "bad_version").counter().count()).isEqualTo(1.0);
    assertThat(registry.get(SipMetrics.PARSE_FAILURES).counters()).hasSize(FailureReason.values().length);
  }

  @Test
  void everyMeterHasBaseUnitAndDescription() {
    metrics.inbound(Messages.parse(Messages.OPTIONS));
    metrics.keepAlive();
    for (Meter meter : registry.getMeters()) {
      assertThat(meter.getId().getName()).startsWith("callflow.");
      assertThat(meter.getId().getBaseUnit()).as(meter.getId().getName()).isNotBlank();
      assertThat(meter.getId().getDescription()).as(meter.getId().getName()).isNotBlank();
    }
  }

  private double count(String direction, String method, String statusClass) {
    Counter counter = registry.get(SipMetrics.MESSAGES).tag("direction", direction).tag("method", method)
        .tag("status_class", statusClass).counter();
    return counter.count();
  }
}
