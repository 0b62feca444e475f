package io.callflow.ops.store;

import static io.callflow.ops.store.SqliteCallRecordStoreTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.store.CallRecord.FaultRecorded;
import io.callflow.core.store.CallRecord.FaultStatusChanged;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultQueryTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  @TempDir
  Path dir;

  private SqliteCallRecordStore store;

  @BeforeEach
  void open() {
    store = SqliteCallRecordStore.open(dir.resolve("r.db"), StoreSettings.defaults(),
        new SimpleMeterRegistry());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static FaultRecorded fault(String id, int second) {
    return new FaultRecorded(null, T0.plusSeconds(second), id, "agent-1", "seat-4", "headset-9",
        "NOISE", "constant hiss", "{\"noiseDb\":61}", "reseat the headset plug");
  }

  @Test
  void aNewFaultIsOpenUntilItsStatusChanges() throws Exception {
    FaultRecorded recorded = fault("f-1", 0);
    await(store.append(recorded));

    assertThat(store.faults(FaultStatus.OPEN)).containsExactly(
        new FaultView(recorded, FaultStatus.OPEN, recorded.at(), null));
    assertThat(store.faults(FaultStatus.ACKNOWLEDGED)).isEmpty();
  }

  @Test
  void theNewestStatusChangeDecidesWhichListAFaultIsIn() throws Exception {
    await(store.append(fault("f-1", 0)));
    await(store.append(fault("f-2", 1)));
    await(store.append(fault("f-3", 2)));
    await(store.append(new FaultStatusChanged(null, T0.plusSeconds(10), "f-1", "acknowledged", "sup-1")));
    await(store.append(new FaultStatusChanged(null, T0.plusSeconds(11), "f-2", "ACKNOWLEDGED", "sup-1")));
    await(store.append(new FaultStatusChanged(null, T0.plusSeconds(12), "f-2", "CLOSED", "sup-2")));

    assertThat(store.faults(FaultStatus.OPEN)).extracting(FaultView::faultId).containsExactly("f-3");
    assertThat(store.faults(FaultStatus.CLOSED)).singleElement().satisfies(view -> {
      assertThat(view.faultId()).isEqualTo("f-2");
      assertThat(view.statusBy()).isEqualTo("sup-2");
      assertThat(view.statusAt()).isEqualTo(T0.plusSeconds(12));
    });
    assertThat(store.faults(EnumSet.of(FaultStatus.OPEN, FaultStatus.ACKNOWLEDGED)))
        .extracting(FaultView::faultId).containsExactly("f-1", "f-3");
  }

  @Test
  void aStatusChangeForAnUnknownFaultIsKeptInTheLogButListsNothing() throws Exception {
    await(store.append(new FaultStatusChanged(null, T0, "ghost", "CLOSED", "sup-1")));

    assertThat(store.fault("ghost")).isEmpty();
    assertThat(store.faults(EnumSet.allOf(FaultStatus.class))).isEmpty();
  }

  @Test
  void aRepeatedFaultIdKeepsTheFirstReport() throws Exception {
    await(store.append(fault("f-1", 0)));
    await(store.append(new FaultStatusChanged(null, T0.plusSeconds(5), "f-1", "ACKNOWLEDGED", "sup-1")));
    await(store.append(fault("f-1", 9)));

    assertThat(store.fault("f-1")).hasValueSatisfying(view -> {
      assertThat(view.fault().at()).isEqualTo(T0);
      assertThat(view.status()).isEqualTo(FaultStatus.ACKNOWLEDGED);
    });
  }

  @Test
  void faultStatusesMoveOnlyForward() {
    assertThat(FaultStatus.OPEN.next()).containsExactlyInAnyOrder(FaultStatus.ACKNOWLEDGED, FaultStatus.CLOSED);
    assertThat(FaultStatus.ACKNOWLEDGED.next()).containsExactly(FaultStatus.CLOSED);
    assertThat(FaultStatus.CLOSED.next()).isEmpty();
  }
}
