package io.callflow.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecord.CallOpened;
import io.callflow.core.store.CallRecord.InfoCollected;
import io.callflow.core.store.CallRecord.LegSnapshot;
import io.callflow.core.store.CallRecord.StateChanged;
import io.callflow.core.store.RecoveredCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCallRecordStoreTest {

  private static final CallId CALL = new CallId("call-1");
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  @TempDir
  Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<SqliteCallRecordStore> opened = new ArrayList<>();

  @AfterEach
  void closeStores() {
    opened.forEach(SqliteCallRecordStore::close);
  }

  private SqliteCallRecordStore open() {
    SqliteCallRecordStore store =
        SqliteCallRecordStore.open(dir.resolve("records.db"), StoreSettings.defaults(), registry);
    opened.add(store);
    return store;
  }

  static void await(CompletableFuture<Void> future) throws Exception {
    future.get(10, TimeUnit.SECONDS);
  }

  private static StateChanged change(CallId call, int second, CallState from, CallState to,
      CallState resume) {
    return new StateChanged(call, T0.plusSeconds(second), from, to, "event-" + second, resume, null);
  }

  private static LegSnapshot snapshot(CallId call, int second, Leg leg, String data) {
    return new LegSnapshot(call, T0.plusSeconds(second), leg, data.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyRecordTypeComesBackFromHistoryEqualToWhatWasAppended() throws Exception {
    SqliteCallRecordStore store = open();
    List<CallRecord> appended = new ArrayList<>();
    for (Class<?> type : SampleRecords.recordTypes()) {
      appended.add(SampleRecords.sample(type, CALL));
    }
    for (CallRecord record : appended) {
      await(store.append(record));
    }
    assertThat(store.history(CALL)).usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(appended);
  }

  @Test
  void historyIsInAppendOrderAndHoldsOnlyThatCall() throws Exception {
    SqliteCallRecordStore store = open();
    CallId other = new CallId("call-2");
    List<CallRecord> mine = new ArrayList<>();
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      // Times run backwards so that order by time would differ from append order.
      CallRecord record = new InfoCollected(CALL, T0.minusSeconds(i), "field", "v" + i);
      mine.add(record);
      futures.add(store.append(record));
      futures.add(store.append(new InfoCollected(other, T0, "field", "other" + i)));
    }
    for (CompletableFuture<Void> future : futures) {
      await(future);
    }
    assertThat(store.history(CALL)).containsExactlyElementsOf(mine);
    assertThat(store.history(new CallId("never-seen"))).isEmpty();
  }

  @Test
  void recoveryReturnsLastStateResumeStepAndNewestSnapshotOfEachLeg() throws Exception {
    try (SqliteCallRecordStore store = open()) {
      await(store.append(new CallOpened(CALL, T0, "****1234", "agent-7")));
      await(store.append(change(CALL, 1, null, CallState.RINGING, null)));
      await(store.append(snapshot(CALL, 2, Leg.CUSTOMER, "customer-v1")));
      await(store.append(change(CALL, 3, CallState.RINGING, CallState.ANSWERED, null)));
      await(store.append(snapshot(CALL, 4, Leg.AGENT, "agent-v1")));
      await(store.append(change(CALL, 5, CallState.ANSWERED, CallState.GREETING, null)));
      await(store.append(change(CALL, 6, CallState.GREETING, CallState.COLLECTING_INFO, null)));
      await(store.append(snapshot(CALL, 7, Leg.CUSTOMER, "customer-v2")));
      await(store.append(change(CALL, 8, CallState.COLLECTING_INFO, CallState.DROPPED,
          CallState.COLLECTING_INFO)));
      await(store.append(change(CALL, 9, CallState.DROPPED, CallState.RECONNECTING,
          CallState.COLLECTING_INFO)));
    }
    List<RecoveredCall> recovered = open().recoverInProgress();
    assertThat(recovered).hasSize(1);
    RecoveredCall call = recovered.get(0);
    assertThat(call.callId()).isEqualTo(CALL);
    assertThat(call.state()).isEqualTo(CallState.RECONNECTING);
    assertThat(call.resumeStep()).isEqualTo(CallState.COLLECTING_INFO);
    assertThat(call.lastChange()).isEqualTo(T0.plusSeconds(9));
    assertThat(call.legSnapshots()).containsOnlyKeys(Leg.CUSTOMER, Leg.AGENT);
    assertThat(new String(call.legSnapshots().get(Leg.CUSTOMER), StandardCharsets.UTF_8))
        .isEqualTo("customer-v2");
    assertThat(new String(call.legSnapshots().get(Leg.AGENT), StandardCharsets.UTF_8))
        .isEqualTo("agent-v1");
  }

  @Test
  void withoutAResumeStepTheCallResumesAtTheLastRegulatedStepItWasIn() throws Exception {
    SqliteCallRecordStore store = open();
    await(store.append(change(CALL, 1, null, CallState.GREETING, null)));
    await(store.append(change(CALL, 2, CallState.GREETING, CallState.RESOLVING, null)));
    await(store.append(change(CALL, 3, CallState.RESOLVING, CallState.SENSITIVE, null)));
    await(store.append(change(CALL, 4, CallState.SENSITIVE, CallState.EMERGENCY, null)));

    RecoveredCall call = store.recoverInProgress().get(0);

    assertThat(call.state()).isEqualTo(CallState.EMERGENCY);
    assertThat(call.resumeStep()).isEqualTo(CallState.RESOLVING);
    assertThat(call.legSnapshots()).isEmpty();
  }

  @Test
  void aCallThatIsInARegulatedStepResumesThere() throws Exception {
    SqliteCallRecordStore store = open();
    await(store.append(change(CALL, 1, CallState.CONFIRMING, CallState.COMPLAINT, CallState.CONFIRMING)));
    await(store.append(change(CALL, 2, CallState.COMPLAINT, CallState.CLOSING, null)));

    RecoveredCall call = store.recoverInProgress().get(0);

    assertThat(call.state()).isEqualTo(CallState.CLOSING);
    assertThat(call.resumeStep()).isEqualTo(CallState.CLOSING);
  }

  @Test
  void endedCallsAndCallsWithoutStateAreNotRecovered() throws Exception {
    SqliteCallRecordStore store = open();
    CallId ended = new CallId("ended");
    CallId live = new CallId("live");
    await(store.append(change(ended, 1, null, CallState.RINGING, null)));
    await(store.append(snapshot(ended, 2, Leg.CUSTOMER, "x")));
    await(store.append(change(ended, 3, CallState.RINGING, CallState.ENDED, null)));
    await(store.append(change(live, 4, null, CallState.RINGING, null)));
    await(store.append(new CallOpened(new CallId("opened-only"), T0, "****1234", "agent-1")));

    assertThat(store.recoverInProgress()).extracting(RecoveredCall::callId).containsExactly(live);
  }

  @Test
  void aLegSnapshotKeepsTheBytesItHadWhenAppended() throws Exception {
    SqliteCallRecordStore store = open();
    byte[] data = "dialog-1".getBytes(StandardCharsets.UTF_8);
    await(store.append(change(CALL, 1, null, CallState.RINGING, null)));
    CompletableFuture<Void> done = store.append(new LegSnapshot(CALL, T0, Leg.CUSTOMER, data));
    data[0] = 'X';
    await(done);

    assertThat(store.recoverInProgress().get(0).legSnapshots().get(Leg.CUSTOMER))
        .isEqualTo("dialog-1".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAcknowledgedRecordIsInTheFileAfterReopening() throws Exception {
    InfoCollected record = new InfoCollected(CALL, T0, "problem", "no dial tone");
    try (SqliteCallRecordStore store = open()) {
      await(store.append(record));
    }
    assertThat(open().history(CALL)).containsExactly(record);
  }

  @Test
  void closeWritesWhatIsStillQueued() throws Exception {
    SqliteCallRecordStore store = open();
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(store.append(new InfoCollected(CALL, T0, "n", Integer.toString(i))));
    }
    store.close();

    assertThat(futures).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
    assertThat(open().history(CALL)).hasSize(200);
  }

  @Test
  void appendAfterCloseFailsTheFutureNamingTheStore() {
    SqliteCallRecordStore store = open();
    store.close();

    CompletableFuture<Void> future = store.append(new InfoCollected(CALL, T0, "name", "Ann"));

    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(RecordStoreException.class)
        .hasMessageContaining("is closed")
        .hasMessageContaining(store.path().toString())
        .satisfies(e -> assertThat(((RecordStoreException) e).reason())
            .isEqualTo(RecordStoreException.Reason.CLOSED));
    assertThat(registry.find("callflow.store.write.failures").tag("reason", "closed").counter())
        .as("meters are removed on close").isNull();
  }

  @Test
  void closingFromAnAppendCallbackDoesNotWaitForItself() throws Exception {
    SqliteCallRecordStore store = open();

    store.append(new InfoCollected(CALL, T0, "name", "Ann")).thenRun(store::close)
        .get(10, TimeUnit.SECONDS);

    assertThatThrownBy(() -> store.history(CALL)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readingAClosedStoreIsAClearError() {
    SqliteCallRecordStore store = open();
    store.close();

    assertThatThrownBy(() -> store.history(CALL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }

  @Test
  void anInvalidRecordFailsAtOnceAndIsCounted() {
    SqliteCallRecordStore store = open();

    CompletableFuture<Void> future = store.append(
        new CallRecord.FaultStatusChanged(null, T0, "fault-1", "FIXED-ISH", "sup-1"));

    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::join).cause()
        .isInstanceOf(RecordStoreException.class)
        .hasMessageContaining("fault status must be one of [OPEN, ACKNOWLEDGED, CLOSED]");
    assertThat(registry.get("callflow.store.write.failures").tag("reason", "invalid").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aPathUnderARegularFileIsAClearErrorNamingThePath() throws Exception {
    Path notADirectory = java.nio.file.Files.writeString(dir.resolve("plain-file"), "x");
    Path file = notADirectory.resolve("records.db");

    assertThatThrownBy(() -> SqliteCallRecordStore.open(file, StoreSettings.defaults(), registry))
        .isInstanceOf(RecordStoreException.class)
        .hasMessageContaining("cannot open record store " + file)
        .hasMessageContaining("store.path");
  }

  @Test
  void aFileThatIsNotADatabaseIsAClearErrorNamingThePath() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("records.db"),
        "this is not an SQLite database, it is long enough to have a header".repeat(20));

    assertThatThrownBy(() -> SqliteCallRecordStore.open(file, StoreSettings.defaults(), registry))
        .isInstanceOf(RecordStoreException.class)
        .hasMessageContaining("cannot open record store " + file);
  }

  @Test
  void openingStampsTheSchemaVersion() throws Exception {
    Path file = open().path();

    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(Schema.version(raw)).isEqualTo(Schema.CURRENT).isPositive();
    }
  }

  @Test
  void aFileFromANewerBuildIsRefusedNamingPathAndVersions() throws Exception {
    Path file = dir.resolve("records.db");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement()) {
      statement.execute("PRAGMA user_version = 99");
    }

    assertThatThrownBy(() -> SqliteCallRecordStore.open(file, StoreSettings.defaults(), registry))
        .isInstanceOf(RecordStoreException.class)
        .hasMessageContaining("record store " + file + " has schema version 99 but this build knows up to "
            + Schema.CURRENT);
  }

  @Test
  void aSecondOpenOfTheSameFileIsRefusedWhileTheFirstHoldsIt() {
    SqliteCallRecordStore first = open();

    assertThatThrownBy(() -> SqliteCallRecordStore.open(first.path(), StoreSettings.defaults(),
        new SimpleMeterRegistry()))
        .isInstanceOf(RecordStoreException.class)
        .hasMessageContaining("record store " + first.path() + " is in use");

    first.close();
    assertThat(open().history(CALL)).isEmpty();
  }
}
