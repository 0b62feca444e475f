package io.callflow.ops.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SipEventIntakeTest {

  @TempDir
  Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<SipCommand> sent = new CopyOnWriteArrayList<>();

  private CallFlowRuntime runtime(SqliteCallRecordStore store) {
    return CallFlowRuntimeTest.runtime(store, sent, registry);
  }

  private double refused(String event, String reason) {
    Counter counter = registry.find("callflow_sip_events_refused").tag("event", event).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void anEventTheEngineRefusesIsCountedByEventAndReason() {
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("r.db"), StoreSettings.defaults(), registry);
        CallFlowRuntime calls = runtime(store)) {
      SipEventIntake intake = new SipEventIntake(calls::submit, registry);

      intake.submit(new SipEvent.Answered(new CallId("never-offered"))).handle((ok, e) -> e).join();
      assertThat(refused("Answered", "UNKNOWN_CALL")).isEqualTo(1);

      intake.submit(new SipEvent.Answered(new CallId("never-offered-either"))).handle((ok, e) -> e).join();
      assertThat(refused("Answered", "UNKNOWN_CALL")).as("later ones of a kind are counted too").isEqualTo(2);
    }
  }

  @Test
  void anAcceptedEventCountsNothing() {
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("r.db"), StoreSettings.defaults(), registry);
        CallFlowRuntime calls = runtime(store)) {
      SipEventIntake intake = new SipEventIntake(calls::submit, registry);
      CallId call = new CallId("c-1");
      calls.submit(new SipEvent.Offered(call, "+44 20 7946 0958", "agent-7", "trunk-1")).join();

      intake.submit(new SipEvent.Answered(call)).join();

      assertThat(registry.find("callflow_sip_events_refused").counters()).isEmpty();
    }
  }

  @Test
  void anEngineFailureIsCountedAsFailedNotAsAStoreProblem() {
    SipEventIntake intake = new SipEventIntake(
        event -> CompletableFuture.failedFuture(new IllegalStateException("engine bug")), registry);

    intake.submit(new SipEvent.Answered(new CallId("c-1"))).handle((ok, e) -> e).join();

    assertThat(refused("Answered", "FAILED")).isEqualTo(1);
    assertThat(refused("Answered", "NOT_STORED")).isZero();
  }

  @Test
  void eventsAfterTheEngineStoppedAreCountedAsStopped() {
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("r.db"), StoreSettings.defaults(), registry)) {
      CallFlowRuntime calls = runtime(store);
      calls.close();

      new SipEventIntake(calls::submit, registry).submit(new SipEvent.Answered(new CallId("c-1")))
          .handle((ok, e) -> e).join();

      assertThat(refused("Answered", "STOPPED")).isEqualTo(1);
    }
  }
}
