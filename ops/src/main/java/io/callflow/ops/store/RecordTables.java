package io.callflow.ops.store;

import io.callflow.core.flow.CallState;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecord.FaultRecorded;
import io.callflow.core.store.CallRecord.FaultStatusChanged;
import io.callflow.core.store.CallRecord.LegSnapshot;
import io.callflow.core.store.CallRecord.StateChanged;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes one record into the append-only log and keeps the derived tables (call state, newest
 * leg snapshot, fault status) in step, all inside the writer's open transaction. Statements
 * are prepared on first use and closed with the writer's connection.
 */
final class RecordTables {

  /** The regulated steps of PROCEDURE.md 3.1 a call resumes at; ENDED is not one to resume. */
  static final Set<CallState> REGULATED_STEPS = EnumSet.range(CallState.RINGING, CallState.CLOSING);

  private static final String INSERT_RECORD =
      "INSERT INTO records (call_id, at, kind, payload) VALUES (?, ?, ?, ?)";
  /** Only a fault row points at its record; every other record skips reading its seq back. */
  private static final String INSERT_RECORD_RETURNING_SEQ = INSERT_RECORD + " RETURNING seq";
  private static final String UPSERT_CALL =
      "INSERT INTO calls (call_id, state, resume_step, last_regulated, last_change)"
          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (call_id) DO UPDATE SET state = excluded.state,"
          + " resume_step = excluded.resume_step,"
          + " last_regulated = coalesce(excluded.last_regulated, calls.last_regulated),"
          + " last_change = excluded.last_change";
  private static final String UPSERT_SNAPSHOT =
      "INSERT INTO leg_snapshots (call_id, leg, at, data) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (call_id, leg) DO UPDATE SET at = excluded.at, data = excluded.data";
  /** A repeated fault id keeps the first report and its status. */
  private static final String INSERT_FAULT =
      "INSERT INTO faults (fault_id, record_seq, status, status_at, status_by)"
          + " VALUES (?, ?, 'OPEN', ?, NULL) ON CONFLICT (fault_id) DO NOTHING";
  /** A status for an unknown fault id stays in the log only. */
  private static final String UPDATE_FAULT =
      "UPDATE faults SET status = ?, status_at = ?, status_by = ? WHERE fault_id = ?";

  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  RecordTables(Connection connection) {
    this.connection = connection;
  }

  /**
   * Forgets the prepared statements after a failed transaction: a statement that failed may be
   * unusable, and one failure must not make every later record fail. They are prepared again
   * on next use.
   */
  void reset() throws SQLException {
    SQLException first = null;
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    prepared.clear();
    if (first != null) {
      throw first;
    }
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      prepared.put(sql, statement);
    }
    return statement;
  }

  void write(Pending pending) throws SQLException {
    CallRecord record = pending.record();
    if (record instanceof FaultRecorded fault) {
      long seq = insertRecordReturningSeq(pending);
      PreparedStatement insertFault = statement(INSERT_FAULT);
      insertFault.setString(1, fault.faultId());
      insertFault.setLong(2, seq);
      insertFault.setString(3, fault.at().toString());
      insertFault.executeUpdate();
      return;
    }
    bindRecord(statement(INSERT_RECORD), pending).executeUpdate();
    if (record instanceof StateChanged change) {
      upsertCall(change);
    } else if (record instanceof LegSnapshot snapshot) {
      PreparedStatement upsertSnapshot = statement(UPSERT_SNAPSHOT);
      upsertSnapshot.setString(1, snapshot.callId().value());
      upsertSnapshot.setString(2, snapshot.leg().name());
      upsertSnapshot.setString(3, snapshot.at().toString());
      upsertSnapshot.setBytes(4, snapshot.data());
      upsertSnapshot.executeUpdate();
    } else if (record instanceof FaultStatusChanged change) {
      PreparedStatement updateFault = statement(UPDATE_FAULT);
      updateFault.setString(1, FaultStatus.parse(change.status()).name());
      updateFault.setString(2, change.at().toString());
      updateFault.setString(3, change.by());
      updateFault.setString(4, change.faultId());
      updateFault.executeUpdate();
    }
  }

  private PreparedStatement bindRecord(PreparedStatement insertRecord, Pending pending)
      throws SQLException {
    CallRecord record = pending.record();
    if (record.callId() == null) {
      insertRecord.setNull(1, Types.VARCHAR);
    } else {
      insertRecord.setString(1, record.callId().value());
    }
    insertRecord.setString(2, record.at().toString());
    insertRecord.setString(3, pending.kind());
    insertRecord.setString(4, pending.payload());
    return insertRecord;
  }

  private long insertRecordReturningSeq(Pending pending) throws SQLException {
    try (ResultSet keys = bindRecord(statement(INSERT_RECORD_RETURNING_SEQ), pending).executeQuery()) {
      if (!keys.next()) {
        throw new SQLException("INSERT INTO records returned no seq");
      }
      return keys.getLong(1);
    }
  }

  private void upsertCall(StateChanged change) throws SQLException {
    PreparedStatement upsertCall = statement(UPSERT_CALL);
    upsertCall.setString(1, change.callId().value());
    upsertCall.setString(2, change.to().name());
    setState(upsertCall, 3, change.resumeStep());
    setState(upsertCall, 4, lastRegulated(change));
    upsertCall.setString(5, change.at().toString());
    upsertCall.executeUpdate();
  }

  /** The regulated step this transition shows the call was last in, or null if it shows none. */
  private static CallState lastRegulated(StateChanged change) {
    if (REGULATED_STEPS.contains(change.to())) {
      return change.to();
    }
    return change.from() != null && REGULATED_STEPS.contains(change.from()) ? change.from() : null;
  }

  private static void setState(PreparedStatement statement, int index, CallState state)
      throws SQLException {
    if (state == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, state.name());
    }
  }
}
