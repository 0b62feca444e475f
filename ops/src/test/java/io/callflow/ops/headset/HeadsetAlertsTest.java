package io.callflow.ops.headset;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.callflow.headset.fault.Fault;
import io.callflow.headset.fault.FaultStatus;
import io.callflow.headset.fault.HealthChange;
import io.callflow.headset.health.FaultType;
import io.callflow.headset.health.HealthState;
import io.callflow.headset.health.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HeadsetAlertsTest {

  private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

  private final List<Fault> alerts = new ArrayList<>();
  private final List<String> prompts = new ArrayList<>();
  private final HeadsetAlerts listener = new HeadsetAlerts(alerts::add,
      (agentId, fixes) -> prompts.add(agentId + ": " + String.join(" / ", fixes)), Set.of("a-1")::contains);

  private static Fault fault(String agentId, FaultType type) {
    return new Fault("hf-" + type, AT, agentId, "hq", "3F-A12", "hs-1", type, Severity.FAULT, "evidence",
        FaultStatus.OPEN, AT, "monitor");
  }

  private static HealthChange change(String agentId, HealthState to, Fault... active) {
    return new HealthChange(AT, agentId, "hq", "3F-A12", "hs-1", HealthState.OK, to, List.of(active));
  }

  @Test
  void aRaisedFaultAlertsTheSupervisor() {
    Fault fault = fault("a-2", FaultType.NOISE);

    listener.onFault(fault);

    assertThat(alerts).containsExactly(fault);
    assertThat(prompts).isEmpty();
  }

  @Test
  void theLoggingStandInWarnsWithoutTheEvidenceWhichMayQuoteACallersNumber() {
    Logger logger = (Logger) LoggerFactory.getLogger(WarnLogPorts.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    Fault fault = new Fault("hf-1", AT, "a-1", "hq", "3F-A12", "hs-1", FaultType.DISTORTION, Severity.FAULT,
        "agent heard distortion: caller 02071234567 crackles", FaultStatus.OPEN, AT, "monitor");
    try {
      HeadsetAlerts.loggingOnly(agentId -> true).onFault(fault);
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).contains("hf-1", "a-1", "3F-A12").doesNotContain("02071234567");
    });
  }

  @Test
  void aClearedFaultInterruptsNobody() {
    listener.onCleared(fault("a-1", FaultType.NOISE));

    assertThat(alerts).isEmpty();
    assertThat(prompts).isEmpty();
  }

  @Test
  void aHeadsetGoingToFaultMidCallPromptsTheAgentWithEachActiveFaultsFix() {
    listener.onHealthChanged(change("a-1", HealthState.FAULT, fault("a-1", FaultType.NOISE),
        fault("a-1", FaultType.SILENCE)));

    assertThat(prompts).containsExactly("a-1: " + FaultType.NOISE.troubleshooting() + " / "
        + FaultType.SILENCE.troubleshooting());
  }

  @Test
  void anAgentNotInACallIsNotPrompted() {
    listener.onHealthChanged(change("a-2", HealthState.FAULT, fault("a-2", FaultType.NOISE)));

    assertThat(prompts).isEmpty();
  }

  @Test
  void aDegradedHeadsetDoesNotInterruptTheCall() {
    listener.onHealthChanged(change("a-1", HealthState.DEGRADED, fault("a-1", FaultType.NOISE)));

    assertThat(prompts).isEmpty();
  }
}
