package io.callflow.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplianceReportTest {

  @Test
  void theJsonEscapesTheAgentsReasonText() {
    Instant at = Instant.parse("2026-01-05T09:00:00Z");
    ComplianceReport report = new ComplianceReport(new CallId("c-1"), CallOutcome.ENDED_EARLY,
        false, at, at.plusSeconds(60), List.of(CallState.ANSWERED), List.of(), List.of(),
        List.of(), List.of(),
        List.of(new Deviation(CallState.GREETING, CallState.ENDED, Deviation.Kind.END_EARLY,
            "said \"stop\"\nand left\\", at)),
        Map.of(CallState.ANSWERED, Duration.ofSeconds(3), CallState.RINGING, Duration.ofSeconds(2)));

    assertThat(report.toJson()).isEqualTo("{\"callId\":\"c-1\",\"outcome\":\"ENDED_EARLY\","
        + "\"recovered\":false,\"startedAt\":\"2026-01-05T09:00:00Z\","
        + "\"endedAt\":\"2026-01-05T09:01:00Z\",\"done\":[\"ANSWERED\"],\"skipped\":[],"
        + "\"notReached\":[],\"repeated\":[],\"outOfOrder\":[],\"deviations\":[{\"from\":"
        + "\"GREETING\",\"to\":\"ENDED\",\"kind\":\"END_EARLY\",\"reason\":"
        + "\"said \\\"stop\\\"\\nand left\\\\\",\"at\":\"2026-01-05T09:00:00Z\"}],"
        + "\"timeInStateMillis\":{\"RINGING\":2000,\"ANSWERED\":3000}}");
  }
}
