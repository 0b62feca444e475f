package io.callflow.ops.store;

import io.callflow.ops.store.RecordStoreException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * The database file and its guard: an exclusive lock on {@code <file>.lock} so that two
 * services never share one store (SQLite itself would let them, and recovery would then
 * resume each other's calls), and JDBC connections in WAL mode with {@code synchronous=FULL},
 * so a commit has reached the disk when it returns.
 */
final class StoreFile implements AutoCloseable {

  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private final Path file;
  private final FileChannel lockChannel;

  private StoreFile(Path file, FileChannel lockChannel) {
    this.file = file;
    this.lockChannel = lockChannel;
  }

  /** Creates the parent directories if needed and takes the lock. */
  static StoreFile lock(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path lockPath = absolute.resolveSibling(absolute.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(absolute.getParent());
      channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(absolute, lockPath, channel);
      }
      return new StoreFile(absolute, channel);
    } catch (OverlappingFileLockException e) {
      throw inUse(absolute, lockPath, channel);
    } catch (IOException e) {
      closeQuietly(channel, e);
      throw new RecordStoreException(Reason.OPEN, "cannot open record store " + absolute + ": "
          + e + "; store.path must name a file in a writable directory", e);
    }
  }

  Path path() {
    return file;
  }

  /** A connection for the writer: auto-commit off, WAL and synchronous=FULL checked. */
  Connection openWriter() throws SQLException {
    Connection connection = open();
    try {
      String mode = pragma(connection, "journal_mode");
      if (!"wal".equals(mode)) {
        throw new SQLException("journal_mode is " + mode + ", WAL is required");
      }
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** A connection for queries only. */
  Connection openReader() throws SQLException {
    Connection connection = open();
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA query_only = true");
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  private Connection open() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: in WAL mode every commit syncs the log, so an acknowledged record survives power loss.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // The driver otherwise runs "SELECT last_insert_rowid()" as a statement of its own after
    // every INSERT, doubling the writer's statements; the one seq the store needs (a fault's)
    // comes from RETURNING.
    config.setGetGeneratedKeys(false);
    return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA " + name)) {
      return result.next() ? result.getString(1).toLowerCase(Locale.ROOT) : "";
    }
  }

  private static RecordStoreException inUse(Path file, Path lockPath, FileChannel channel) {
    RecordStoreException error = new RecordStoreException(Reason.OPEN, "record store " + file
        + " is in use by another callflow process (lock " + lockPath + " is held); stop it or"
        + " give this one its own store.path");
    closeQuietly(channel, error);
    return error;
  }

  private static void closeQuietly(FileChannel channel, Exception primary) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    lockChannel.close();
  }
}
