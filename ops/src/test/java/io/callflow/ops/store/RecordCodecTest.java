package io.callflow.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecord.ComplianceSummary;
import io.callflow.core.store.CallRecord.InfoCollected;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

  private final RecordCodec codec = new RecordCodec();

  @Test
  void knowsEveryPermittedRecordTypeByItsSimpleName() {
    assertThat(codec.kinds().values()).containsExactlyInAnyOrderElementsOf(
        SampleRecords.recordTypes().stream().map(type -> type.asSubclass(CallRecord.class)).toList());
  }

  @Test
  void everyRecordTypeDecodesToAnEqualRecord() {
    for (Class<?> type : SampleRecords.recordTypes()) {
      CallRecord record = SampleRecords.sample(type, new CallId("c-1"));
      CallRecord decoded = codec.decode(1, codec.kind(record), codec.payload(record));
      assertThat(decoded).as(type.getSimpleName()).isInstanceOf(type)
          .usingRecursiveComparison().isEqualTo(record);
    }
  }

  @Test
  void aRecordWithoutCallIdRoundTrips() {
    CallRecord record = new InfoCollected(null, SampleRecords.AT, "name", "Ann");
    assertThat(codec.decode(1, codec.kind(record), codec.payload(record))).isEqualTo(record);
  }

  @Test
  void aComplianceSummaryStoredBeforeItCarriedItsOutcomeAsAValueStillReads() {
    CallRecord decoded = codec.decode(5, "ComplianceSummary", "{\"callId\":{\"value\":\"c-1\"},"
        + "\"at\":\"2026-11-28T10:00:00Z\",\"json\":\"{\\\"outcome\\\":\\\"COMPLETED\\\"}\"}");

    assertThat(decoded).isEqualTo(new ComplianceSummary(new CallId("c-1"),
        Instant.parse("2026-11-28T10:00:00Z"), null, null, null, "{\"outcome\":\"COMPLETED\"}"));
  }

  @Test
  void anUnknownKindIsAClearError() {
    assertThatThrownBy(() -> codec.decode(17, "FromTheFuture", "{}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("record #17")
        .hasMessageContaining("FromTheFuture")
        .hasMessageContaining("StateChanged");
  }

  @Test
  void aPayloadThatDoesNotFitItsKindIsAClearError() {
    assertThatThrownBy(() -> codec.decode(3, "InfoCollected", "{not json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("record #3 of kind InfoCollected is unreadable");
  }
}
