package io.callflow.ops.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the store's tables. The schema version lives in SQLite's
 * {@code PRAGMA user_version}; migration {@code i} takes a file from version {@code i} to
 * {@code i + 1} inside one transaction, so a crash mid-migration leaves the old version.
 *
 * <ul>
 *   <li>{@code records}: every record, append-only, in commit order ({@code seq}).
 *   <li>{@code calls}: each call's last state, the resume step of its last transition and the
 *       last regulated step it was in; read by recovery.
 *   <li>{@code leg_snapshots}: the newest snapshot of each (call, leg).
 *   <li>{@code faults}: each fault's newest status, pointing at its {@code FaultRecorded} row.
 * </ul>
 */
final class Schema {

  private static final List<List<String>> MIGRATIONS = List.of(
      // 0 -> 1
      List.of(
          "CREATE TABLE records (seq INTEGER PRIMARY KEY, call_id TEXT, at TEXT NOT NULL,"
              + " kind TEXT NOT NULL, payload TEXT NOT NULL)",
          "CREATE INDEX records_by_call ON records (call_id, seq)",
          "CREATE TABLE calls (call_id TEXT PRIMARY KEY, state TEXT NOT NULL, resume_step TEXT,"
              + " last_regulated TEXT, last_change TEXT NOT NULL)",
          "CREATE INDEX calls_in_progress ON calls (state) WHERE state <> 'ENDED'",
          "CREATE TABLE leg_snapshots (call_id TEXT NOT NULL, leg TEXT NOT NULL, at TEXT NOT NULL,"
              + " data BLOB NOT NULL, PRIMARY KEY (call_id, leg))",
          "CREATE TABLE faults (fault_id TEXT PRIMARY KEY, record_seq INTEGER NOT NULL,"
              + " status TEXT NOT NULL, status_at TEXT NOT NULL, status_by TEXT)",
          "CREATE INDEX faults_by_status ON faults (status, record_seq)"));

  /** The version this build writes. */
  static final int CURRENT = MIGRATIONS.size();

  private Schema() {}

  /**
   * Brings the file behind {@code connection} (auto-commit off) to {@link #CURRENT}.
   *
   * @throws SQLException if a statement fails
   * @throws RecordStoreException if the file is newer than this build
   */
  static void migrate(Connection connection, Path file) throws SQLException {
    int version = version(connection);
    if (version > CURRENT) {
      throw new RecordStoreException(RecordStoreException.Reason.OPEN, "record store " + file
          + " has schema version " + version + " but this build knows up to " + CURRENT
          + "; run a newer build or point store.path at another file");
    }
    try (Statement statement = connection.createStatement()) {
      for (int from = version; from < CURRENT; from++) {
        for (String sql : MIGRATIONS.get(from)) {
          statement.execute(sql);
        }
        statement.execute("PRAGMA user_version = " + (from + 1));
        connection.commit();
      }
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA user_version")) {
      return result.next() ? result.getInt(1) : 0;
    }
  }
}
