package io.callflow.ops.store;

import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecord.FaultRecorded;
import io.callflow.core.store.CallRecord.FaultStatusChanged;
import io.callflow.core.store.CallRecord.LegSnapshot;

/**
 * What a record must hold for the store's derived tables to stay meaningful. Checked on the
 * caller's thread, so a bad record fails its own future and never reaches a batch.
 */
final class RecordRules {

  private RecordRules() {}

  /**
   * Returns the record the writer may use later: {@code record} itself, or for a leg snapshot
   * a copy of its bytes, since the caller may reuse the array once {@code append} returns.
   *
   * @throws IllegalArgumentException naming the missing or bad field
   */
  static CallRecord checkedCopy(CallRecord record) {
    if (record.at() == null) {
      throw new IllegalArgumentException(kind(record) + " needs a time (at)");
    }
    if (record instanceof LegSnapshot snapshot) {
      if (snapshot.callId() == null || snapshot.leg() == null || snapshot.data() == null) {
        throw new IllegalArgumentException("LegSnapshot needs a call id, a leg and data");
      }
      return new LegSnapshot(snapshot.callId(), snapshot.at(), snapshot.leg(), snapshot.data().clone());
    }
    if (record instanceof FaultRecorded fault && isBlank(fault.faultId())) {
      throw new IllegalArgumentException("FaultRecorded needs a fault id");
    }
    if (record instanceof FaultStatusChanged change) {
      if (isBlank(change.faultId())) {
        throw new IllegalArgumentException("FaultStatusChanged needs a fault id");
      }
      FaultStatus.parse(change.status());
    }
    return record;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static String kind(CallRecord record) {
    return record.getClass().getSimpleName();
  }
}
