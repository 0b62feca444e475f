package io.callflow.ops.store;

import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecord.FaultRecorded;
import io.callflow.core.store.RecoveredCall;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's queries, on their own connection so that reading never waits for the writer
 * (WAL lets readers see the last commit while a new one is written). Reads are rare (an API
 * request, a restart), so one connection used by one caller at a time is enough.
 */
final class StoreReader {

  private final Connection connection;
  private final RecordCodec codec;

  StoreReader(Connection connection, RecordCodec codec) {
    this.connection = connection;
    this.codec = codec;
  }

  synchronized List<CallRecord> history(CallId callId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT seq, kind, payload FROM records WHERE call_id = ? ORDER BY seq")) {
      query.setString(1, callId.value());
      try (ResultSet rows = query.executeQuery()) {
        List<CallRecord> records = new ArrayList<>();
        while (rows.next()) {
          records.add(codec.decode(rows.getLong(1), rows.getString(2), rows.getString(3)));
        }
        return records;
      }
    }
  }

  /** Runs {@code query} in one read transaction, so its statements see the same commit. */
  private <T> T snapshot(Query<T> query) throws SQLException {
    connection.setAutoCommit(false);
    try {
      return query.run();
    } finally {
      // Ends the read transaction; nothing was written.
      connection.setAutoCommit(true);
    }
  }

  interface Query<T> {
    T run() throws SQLException;
  }

  synchronized List<RecoveredCall> recoverInProgress() throws SQLException {
    return snapshot(this::readInProgress);
  }

  private List<RecoveredCall> readInProgress() throws SQLException {
    Map<String, Map<Leg, byte[]>> snapshots = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT s.call_id, s.leg, s.data FROM leg_snapshots s JOIN calls c ON c.call_id = s.call_id"
            + " WHERE c.state <> 'ENDED'");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        snapshots.computeIfAbsent(rows.getString(1), id -> new EnumMap<>(Leg.class))
            .put(Leg.valueOf(rows.getString(2)), rows.getBytes(3));
      }
    }
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT call_id, state, coalesce(resume_step, last_regulated), last_change FROM calls"
            + " WHERE state <> 'ENDED' ORDER BY last_change, call_id");
        ResultSet rows = query.executeQuery()) {
      List<RecoveredCall> calls = new ArrayList<>();
      while (rows.next()) {
        String id = rows.getString(1);
        calls.add(new RecoveredCall(new CallId(id), CallState.valueOf(rows.getString(2)),
            state(rows.getString(3)), snapshots.getOrDefault(id, Map.of()),
            Instant.parse(rows.getString(4))));
      }
      return calls;
    }
  }

  synchronized List<FaultView> faults(Collection<FaultStatus> statuses) throws SQLException {
    return snapshot(() -> readFaults(statuses));
  }

  private List<FaultView> readFaults(Collection<FaultStatus> statuses) throws SQLException {
    List<FaultView> faults = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(faultQuery("f.status = ?"))) {
      for (FaultStatus status : statuses) {
        query.setString(1, status.name());
        readFaults(query, faults);
      }
    }
    faults.sort((a, b) -> a.fault().at().compareTo(b.fault().at()));
    return faults;
  }

  synchronized Optional<FaultView> fault(String faultId) throws SQLException {
    List<FaultView> faults = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(faultQuery("f.fault_id = ?"))) {
      query.setString(1, faultId);
      readFaults(query, faults);
    }
    return faults.stream().findFirst();
  }

  private static String faultQuery(String condition) {
    return "SELECT r.seq, r.kind, r.payload, f.status, f.status_at, f.status_by FROM faults f"
        + " JOIN records r ON r.seq = f.record_seq WHERE " + condition + " ORDER BY r.seq";
  }

  private void readFaults(PreparedStatement query, List<FaultView> into) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        FaultRecorded fault = (FaultRecorded) codec.decode(rows.getLong(1), rows.getString(2),
            rows.getString(3));
        into.add(new FaultView(fault, FaultStatus.valueOf(rows.getString(4)),
            Instant.parse(rows.getString(5)), rows.getString(6)));
      }
    }
  }

  private static CallState state(String name) {
    return name == null ? null : CallState.valueOf(name);
  }

  synchronized void close() throws SQLException {
    connection.close();
  }
}
