package io.callflow.ops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.store.CallRecord;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.callflow.sip.b2bua.call.LegSnapshotTaken;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegSnapshotRecorderTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final CallId CALL = new CallId("c-restart@127.0.0.1");

  @TempDir
  Path dir;

  private static LegSnapshotTaken taken(Leg leg, int... bytes) {
    byte[] data = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      data[i] = (byte) bytes[i];
    }
    return new LegSnapshotTaken(CALL, leg, () -> data.clone());
  }

  @Test
  void snapshotsReachTheStoreInTheOrderTheyWereTakenWithTheClocksTime() {
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("callflow.db"), StoreSettings.defaults(),
        new SimpleMeterRegistry());
        LegSnapshotRecorder recorder = new LegSnapshotRecorder(store, Clock.fixed(NOW, ZoneOffset.UTC))) {
      recorder.accept(taken(Leg.CUSTOMER, 1, 2, 3));
      recorder.accept(taken(Leg.AGENT, 4));
      recorder.accept(taken(Leg.CUSTOMER, 5, 6));
    }
    // The recorder closed first, letting its queued appends reach the store; the store's close made them durable.
    try (SqliteCallRecordStore reopened = SqliteCallRecordStore.open(dir.resolve("callflow.db"),
        StoreSettings.defaults(), new SimpleMeterRegistry())) {
      List<CallRecord.LegSnapshot> saved = reopened.history(CALL).stream()
          .filter(CallRecord.LegSnapshot.class::isInstance).map(CallRecord.LegSnapshot.class::cast).toList();
      assertThat(saved).extracting(CallRecord.LegSnapshot::leg).containsExactly(Leg.CUSTOMER, Leg.AGENT, Leg.CUSTOMER);
      assertThat(saved.get(2).data()).containsExactly(5, 6);
      assertThat(saved).extracting(CallRecord.LegSnapshot::at).containsOnly(NOW);
    }
  }

  @Test
  void aSnapshotThatCannotBeEncodedIsLostOnTheWriterThreadAndLaterOnesAreSaved() {
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("callflow.db"), StoreSettings.defaults(),
        new SimpleMeterRegistry());
        LegSnapshotRecorder recorder = new LegSnapshotRecorder(store, Clock.fixed(NOW, ZoneOffset.UTC))) {
      recorder.accept(new LegSnapshotTaken(CALL, Leg.AGENT, () -> {
        throw new IllegalStateException("no dialog");
      }));
      recorder.accept(taken(Leg.CUSTOMER, 8));
    }
    try (SqliteCallRecordStore reopened = SqliteCallRecordStore.open(dir.resolve("callflow.db"),
        StoreSettings.defaults(), new SimpleMeterRegistry())) {
      assertThat(reopened.history(CALL)).singleElement().isInstanceOfSatisfying(CallRecord.LegSnapshot.class,
          saved -> assertThat(saved.data()).containsExactly(8));
    }
  }

  @Test
  void aStoreThatIsClosedLosesTheSnapshotWithoutThrowingIntoTheSipLoop() {
    SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("callflow.db"), StoreSettings.defaults(),
        new SimpleMeterRegistry());
    store.close();
    try (LegSnapshotRecorder recorder = new LegSnapshotRecorder(store, Clock.fixed(NOW, ZoneOffset.UTC))) {
      recorder.accept(taken(Leg.AGENT, 7));
    }
    try (SqliteCallRecordStore reopened = SqliteCallRecordStore.open(dir.resolve("callflow.db"),
        StoreSettings.defaults(), new SimpleMeterRegistry())) {
      assertThat(reopened.history(CALL)).isEmpty();
    }
  }
}
