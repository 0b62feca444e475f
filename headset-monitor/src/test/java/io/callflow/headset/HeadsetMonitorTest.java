package io.callflow.headset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callflow.core.store.CallRecord;
import io.callflow.core.time.ManualScheduler;
import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.fault.Fault;
import io.callflow.headset.fault.FaultListener;
import io.callflow.headset.fault.FaultStatus;
import io.callflow.headset.fault.FaultUpdate;
import io.callflow.headset.fault.HealthChange;
import io.callflow.headset.health.FaultType;
import io.callflow.headset.health.HealthState;
import io.callflow.headset.health.Severity;
import io.callflow.headset.quality.PublishRequest;
import io.callflow.headset.quality.PublishResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadsetMonitorTest {

  private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final InMemoryRecordStore store = new InMemoryRecordStore();
  private final RecordingListener listener = new RecordingListener();
  private final HeadsetMonitor monitor = new HeadsetMonitor(MonitorSettings.defaults(), scheduler, store, listener);
  private Instant at = Instant.parse("2026-01-05T09:00:00Z");

  /** Sends one batch of {@code count} 10-second samples with these levels, and moves time on by their length. */
  private IngestResult send(int count, double receivedDba, double noiseDba, boolean inCall) {
    Telemetry batch = Telemetry.batch("a-1");
    for (int i = 0; i < count; i++) {
      batch.sample(at, receivedDba, noiseDba, inCall);
      at = at.plusSeconds(10);
    }
    IngestResult result = monitor.ingestTelemetry(batch.bytes());
    scheduler.advance(Duration.ofSeconds(10L * count));
    return result;
  }

  private HealthState state() {
    return monitor.agent("a-1").orElseThrow().state();
  }

  @Test
  void noiseAboveTheFaultLevelForTwoSamplesRaisesOneDurableFaultAndOneAlert() {
    assertThat(send(3, 70, 70, false)).isEqualTo(new IngestResult.Accepted(3));

    assertThat(state()).isEqualTo(HealthState.FAULT);
    CallRecord.FaultRecorded record = store.records(CallRecord.FaultRecorded.class).get(0);
    assertThat(store.records(CallRecord.FaultRecorded.class)).hasSize(1);
    assertThat(record.agentId()).isEqualTo("a-1");
    assertThat(record.seat()).isEqualTo("3F-A12");
    assertThat(record.deviceId()).isEqualTo("hs-a-1");
    assertThat(record.type()).isEqualTo("NOISE");
    assertThat(record.evidence()).isEqualTo("background noise 70.0 dB(A)");
    assertThat(record.description()).isEqualTo("High background noise at the agent's microphone (fault)");
    assertThat(record.troubleshooting()).isEqualTo(FaultType.NOISE.troubleshooting());
    assertThat(record.at()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
    assertThat(listener.raised).extracting(Fault::type).containsExactly(FaultType.NOISE);
  }

  @Test
  void aSignalFlappingEverySampleNeitherRaisesNorFloods() {
    for (int i = 0; i < 20; i++) {
      send(1, 70, i % 2 == 0 ? 70 : 40, false);
    }
    assertThat(store.records()).isEmpty();
    assertThat(listener.raised).isEmpty();
    assertThat(state()).isEqualTo(HealthState.OK);
  }

  @Test
  void noiseClearsOnlyBelowTheDeadBandAndAfterEnoughQuietSamples() {
    send(2, 70, 70, false);
    send(6, 70, 63, false);
    assertThat(state()).as("63 dB(A) is within the 3 dB dead band under 65").isEqualTo(HealthState.FAULT);
    send(3, 70, 45, false);
    assertThat(listener.cleared).isEmpty();
    send(1, 70, 45, false);
    assertThat(state()).isEqualTo(HealthState.OK);
    assertThat(listener.cleared).extracting(Fault::type).containsExactly(FaultType.NOISE);
    assertThat(store.records(CallRecord.FaultStatusChanged.class)).extracting(CallRecord.FaultStatusChanged::status)
        .containsExactly("CLEARED");
    assertThat(monitor.openFaults()).extracting(Fault::status).containsExactly(FaultStatus.CLEARED);
  }

  @Test
  void aClearedFaultThatComesBackIsReopenedNotDuplicated() {
    send(2, 70, 70, false);
    send(4, 70, 40, false);
    send(2, 70, 70, false);
    assertThat(store.records(CallRecord.FaultRecorded.class)).hasSize(1);
    assertThat(store.records(CallRecord.FaultStatusChanged.class)).extracting(CallRecord.FaultStatusChanged::status)
        .containsExactly("CLEARED", "OPEN");
    assertThat(listener.raised).hasSize(2);
  }

  @Test
  void acknowledgingAndClosingAFaultAreRecordedWithWhoDidIt() {
    send(2, 70, 70, false);
    String id = monitor.openFaults().get(0).id();

    FaultUpdate ack = monitor.acknowledge(id, "sup-7");
    assertThat(ack).isInstanceOf(FaultUpdate.Updated.class);
    assertThat(((FaultUpdate.Updated) ack).durable()).isCompleted();
    assertThat(monitor.acknowledge(id, "sup-7")).isInstanceOf(FaultUpdate.NotAllowed.class);
    assertThat(monitor.close(id, "sup-7")).isInstanceOf(FaultUpdate.Updated.class);
    assertThat(monitor.close(id, "sup-7")).isEqualTo(new FaultUpdate.NotFound(id));
    assertThat(monitor.acknowledge("hf-nope", "sup-7")).isEqualTo(new FaultUpdate.NotFound("hf-nope"));

    assertThat(store.records(CallRecord.FaultStatusChanged.class))
        .extracting(CallRecord.FaultStatusChanged::status, CallRecord.FaultStatusChanged::by)
        .containsExactly(tuple("ACKNOWLEDGED", "sup-7"),
            tuple("CLOSED", "sup-7"));
    assertThat(listener.statusChanges).extracting(Fault::status)
        .containsExactly(FaultStatus.ACKNOWLEDGED, FaultStatus.CLOSED);
    assertThat(monitor.openFaults()).isEmpty();
  }

  @Test
  void aHeadsetWithNoTelemetryForTheConfiguredTimeBecomesDisconnectedOnTheMonitorRun() {
    monitor.start();
    send(1, 70, 40, false);
    assertThat(state()).isEqualTo(HealthState.OK);
    scheduler.advance(Duration.ofSeconds(45));
    assertThat(state()).as("the run at 45 s finds 45 s without telemetry").isEqualTo(HealthState.OK);
    scheduler.advance(Duration.ofSeconds(20));
    // the run at 75 s finds 75 s without telemetry, more than disconnectedAfter = 60 s
    assertThat(state()).isEqualTo(HealthState.DISCONNECTED);
    assertThat(listener.healthChanges).extracting(c -> c.to())
        .containsExactly(HealthState.OK, HealthState.DISCONNECTED);
    send(1, 70, 40, false);
    assertThat(state()).isEqualTo(HealthState.OK);
    assertThat(store.records()).as("a disconnect is not a fault").isEmpty();
    monitor.close();
  }

  @Test
  void connectDisconnectFlappingIsPoorContact() {
    Telemetry batch = Telemetry.batch("a-1");
    for (int i = 0; i < 5; i++) {
      if (i % 2 == 0) {
        batch.sample(at, 70, 40, false);
      } else {
        batch.unplugged(at);
      }
      at = at.plusSeconds(10);
    }
    monitor.ingestTelemetry(batch.bytes());
    assertThat(store.records(CallRecord.FaultRecorded.class)).extracting(CallRecord.FaultRecorded::type)
        .containsExactly("POOR_CONTACT");
    assertThat(state()).isEqualTo(HealthState.FAULT);
  }

  @Test
  void anAgentInACallWhoseHeadsetGoesSilentGetsAHealthChangeWithTheFix() {
    send(2, 5, 40, true);
    assertThat(listener.healthChanges).last().satisfies(change -> {
      assertThat(change.to()).isEqualTo(HealthState.FAULT);
      assertThat(change.agentId()).isEqualTo("a-1");
      assertThat(change.activeFaults()).extracting(Fault::troubleshooting)
          .containsExactly(FaultType.SILENCE.troubleshooting());
    });
  }

  @Test
  void silenceOutsideACallIsNotAFault() {
    send(5, 5, 40, false);
    assertThat(store.records()).isEmpty();
  }

  @Test
  void theAgentsOwnDistortionReportRaisesAFaultAtOnce() {
    String sample = "{\"at\":\"" + at + "\",\"periodSeconds\":10,\"connected\":true,\"receivedLevelDba\":70,"
        + "\"backgroundNoiseDba\":40,\"agentReport\":{\"distortionHeard\":true,\"note\":\"crackling\"}}";
    monitor.ingestTelemetry(Telemetry.batch("a-1").raw(sample).bytes());
    assertThat(monitor.openFaults()).singleElement().satisfies(fault -> {
      assertThat(fault.type()).isEqualTo(FaultType.DISTORTION);
      assertThat(fault.evidence()).isEqualTo("agent reports distortion: crackling");
    });
  }

  @Test
  void discomfortDegradesAtOnce() {
    String sample = "{\"at\":\"" + at + "\",\"periodSeconds\":10,\"connected\":true,\"receivedLevelDba\":70,"
        + "\"backgroundNoiseDba\":40,\"agentReport\":{\"discomfort\":true}}";
    monitor.ingestTelemetry(Telemetry.batch("a-1").raw(sample).bytes());
    assertThat(state()).isEqualTo(HealthState.DEGRADED);
  }

  @Test
  void exposureAtTheLowerActionValueDegradesAndAtTheUpperFaults() {
    // 90 dB(A) for 1 h: L_EX,8h = 90 - 9.03 = 80.97 (lower action value 80).
    String hour = "{\"at\":\"%s\",\"periodSeconds\":3600,\"connected\":true,\"receivedLevelDba\":%s,\"backgroundNoiseDba\":40}";
    Instant seven = at.minus(Duration.ofHours(2));
    assertThat(monitor.ingestTelemetry(Telemetry.batch("a-1").raw(String.format(hour, seven, 90)).bytes()))
        .isInstanceOf(IngestResult.Accepted.class);
    assertThat(state()).isEqualTo(HealthState.DEGRADED);
    // A further hour at 95 dB(A): 10*log10((10^9 + 10^9.5) * 1 h / 8 h) = 87.16, dose 10^0.216 = 1.65
    // (at or above the upper action value 85: FAULT).
    monitor.ingestTelemetry(Telemetry.batch("a-1").raw(String.format(hour, seven.plusSeconds(3600), 95)).bytes());
    assertThat(state()).isEqualTo(HealthState.FAULT);
    assertThat(monitor.openFaults()).singleElement().satisfies(fault -> {
      assertThat(fault.type()).isEqualTo(FaultType.OVER_EXPOSURE);
      assertThat(fault.severity()).isEqualTo(Severity.FAULT);
      assertThat(fault.evidence()).isEqualTo("L_EX,8h 87.2 dB(A), dose 1.65");
    });
    assertThat(monitor.agent("a-1").orElseThrow().exposure().doseRatio()).isGreaterThan(1.0);
  }

  @Test
  void lowMosCallsReportedForAnAgentFaultTheirHeadset() {
    send(1, 70, 40, false);
    String report = Reports.SESSION_REPORT.replace("MOSLQ=4.2", "MOSLQ=2.4");
    PublishResult first = monitor.qualityInbox().accept(PublishRequest.initial(report, "a-1"));
    assertThat(first).isInstanceOf(PublishResult.Accepted.class);
    assertThat(state()).as("one bad call is not yet a fault").isEqualTo(HealthState.OK);
    monitor.qualityInbox().accept(PublishRequest.initial(report, "a-1"));
    assertThat(state()).as("the same report again counts once").isEqualTo(HealthState.OK);
    monitor.qualityInbox().accept(PublishRequest.initial(report.replace("CallID: 6dwd", "CallID: 7dwd"), "a-1"));
    assertThat(state()).isEqualTo(HealthState.FAULT);
    assertThat(monitor.openFaults()).extracting(Fault::type).containsExactly(FaultType.LOW_MOS);
  }

  @Test
  void aBadBatchIsRejectedWholeStoresNothingAndTheMonitorCarriesOn() {
    send(1, 70, 40, false);
    String goodThenBad = Telemetry.batch("a-1").sample(at, 70, 80, false)
        .raw("{\"at\":\"" + at.plusSeconds(10) + "\",\"periodSeconds\":10,\"connected\":true,"
            + "\"receivedLevelDba\":70,\"backgroundNoiseDba\":400}").json();

    IngestResult result = monitor.ingestTelemetry(goodThenBad.getBytes(StandardCharsets.UTF_8));

    assertThat(result).isEqualTo(new IngestResult.Rejected("samples[1].backgroundNoiseDba",
        "is 400, out of range 0.0 to 140.0"));
    assertThat(monitor.ingestTelemetry("{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IngestResult.Rejected.class);
    assertThat(store.records()).isEmpty();
    assertThat(monitor.agent("a-1").orElseThrow().lastHeard()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
    send(2, 70, 70, false);
    assertThat(state()).isEqualTo(HealthState.FAULT);
  }

  @Test
  void aFailedShiftCheckNamesEachItemAndRaisesAFaultThatAPassClears() {
    String check = "{\"schema\":1,\"agentId\":\"a-1\",\"site\":\"hq\",\"seat\":\"3F-A12\",\"deviceId\":\"hs-a-1\","
        + "\"at\":\"2026-01-05T08:55:00Z\",\"loopbackLevelDba\":%s,\"noiseFloorDba\":%s}";
    ShiftCheckOutcome failed = monitor.ingestShiftCheck(String.format(check, 40, 52).getBytes(StandardCharsets.UTF_8));

    var result = ((ShiftCheckOutcome.Judged) failed).result();
    assertThat(result.passed()).isFalse();
    assertThat(result.items()).extracting(item -> item.item() + ": " + item.passed() + " - " + item.reason())
        .containsExactly(
            "loopback level: false - loopback level 40.0 dB(A) is below the minimum 55.0 dB(A): no or weak audio",
            "noise floor: false - noise floor 52.0 dB(A) is above the maximum 40.0 dB(A): hum or hiss on the line");
    assertThat(monitor.openFaults()).extracting(Fault::type).containsExactly(FaultType.SHIFT_CHECK);

    var passed = ((ShiftCheckOutcome.Judged) monitor.ingestShiftCheck(
        String.format(check, 65, 30).getBytes(StandardCharsets.UTF_8))).result();
    assertThat(passed.passed()).isTrue();
    assertThat(listener.cleared).extracting(Fault::type).containsExactly(FaultType.SHIFT_CHECK);
  }

  @Test
  void aShiftCheckWithAnUnknownFieldIsRejected() {
    ShiftCheckOutcome outcome = monitor.ingestShiftCheck(("{\"schema\":1,\"agentId\":\"a-1\",\"passed\":true}")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(outcome).isEqualTo(new ShiftCheckOutcome.Rejected("passed", "unknown field"));
  }

  @Test
  void listenersAreCalledOutsideTheMonitorsLock() {
    List<Boolean> heldLock = new ArrayList<>();
    HeadsetMonitor[] self = new HeadsetMonitor[1];
    self[0] = new HeadsetMonitor(MonitorSettings.defaults(), scheduler, store, new FaultListener() {
      @Override
      public void onFault(Fault fault) {
        heldLock.add(Thread.holdsLock(self[0]));
      }

      @Override
      public void onCleared(Fault fault) {
        heldLock.add(Thread.holdsLock(self[0]));
      }

      @Override
      public void onHealthChanged(HealthChange change) {
        heldLock.add(Thread.holdsLock(self[0]));
      }
    });
    self[0].ingestTelemetry(Telemetry.batch("a-1").sample(at, 70, 70, false).sample(at.plusSeconds(10), 70, 70, false)
        .bytes());
    assertThat(heldLock).hasSize(2).containsOnly(false);
  }
}
