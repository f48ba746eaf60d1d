package dev.swimmy.bot.edge.spool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The spool's pragmas and tables. Times are epoch milliseconds; {@code state} is one of {@code
 * pending}, {@code in_flight}, {@code delivered}, {@code dead}. The version table lets a later
 * release migrate the file, and refuses a file written by a newer one.
 */
final class SpoolSchema {
  private static final int PAGE_SIZE = 4096;

  private SpoolSchema() {}

  static void prepare(Connection db, int version, long maxBytes) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
        if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
          throw new SQLException("the spool needs WAL journaling, which this file system refuses");
        }
      }
      st.execute("PRAGMA synchronous = FULL");
      // Checkpoint every 4000 pages (16 MiB of WAL) rather than SQLite's 1000: with ~1 KiB rows a
      // 500-row commit is ~150 pages, and fewer, larger checkpoints copy each hot page fewer times
      // (spool CPU per row down about a quarter); the WAL file is cut back to 32 MiB after one.
      st.execute("PRAGMA wal_autocheckpoint = 4000");
      st.execute("PRAGMA journal_size_limit = " + (32L << 20));
      if (maxBytes > 0) {
        st.execute("PRAGMA max_page_count = " + Math.max(8, maxBytes / PAGE_SIZE));
      }
      st.execute("BEGIN IMMEDIATE");
      createTables(st);
      checkVersion(st, version);
      st.execute("COMMIT");
    }
  }

  private static void createTables(Statement st) throws SQLException {
    st.execute("CREATE TABLE IF NOT EXISTS spool_schema (version INTEGER NOT NULL)");
    st.execute(
        "CREATE TABLE IF NOT EXISTS messages ("
            + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " webhook_id TEXT NOT NULL,"
            + " token TEXT NOT NULL,"
            + " payload TEXT NOT NULL,"
            + " engine_id TEXT,"
            + " created_at INTEGER NOT NULL,"
            + " received_at INTEGER NOT NULL,"
            + " state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'delivered', 'dead')),"
            + " attempts INTEGER NOT NULL DEFAULT 0,"
            + " reason TEXT,"
            + " dead_at INTEGER,"
            + " delivered_at INTEGER)");
    st.execute("CREATE INDEX IF NOT EXISTS messages_by_state ON messages (state, webhook_id, id)");
    // Since version 2 an append-only log (rowid order = time order) backing the in-memory window:
    // appends touch the last page only, where a table keyed by random hashes touched a page per key.
    st.execute("CREATE TABLE IF NOT EXISTS dedupe_keys (key TEXT NOT NULL, seen_at INTEGER NOT NULL)");
    addHttpIntakeColumns(st);
    st.execute(
        "CREATE TABLE IF NOT EXISTS dead_webhooks ("
            + " webhook_id TEXT PRIMARY KEY, reason TEXT NOT NULL, since INTEGER NOT NULL)");
    // Admin alert episodes still open (SqliteEpisodeStore). Added without a version bump: an older
    // release opening the file ignores the table.
    st.execute(
        "CREATE TABLE IF NOT EXISTS alert_episodes ("
            + " kind TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL, since INTEGER NOT NULL,"
            + " announced INTEGER NOT NULL, PRIMARY KEY (kind, subject))");
  }

  /**
   * Since version 3: the intake a message came from ({@code zmq} rows are the ones dropped past
   * queue-max), the thread Discord posts it in, its file count, and the files themselves.
   */
  private static void addHttpIntakeColumns(Statement st) throws SQLException {
    java.util.Set<String> columns = new java.util.HashSet<>();
    try (ResultSet rs = st.executeQuery("PRAGMA table_info(messages)")) {
      while (rs.next()) {
        columns.add(rs.getString("name"));
      }
    }
    if (!columns.contains("intake")) {
      st.execute("ALTER TABLE messages ADD COLUMN intake TEXT NOT NULL DEFAULT 'zmq'");
    }
    if (!columns.contains("thread_id")) {
      st.execute("ALTER TABLE messages ADD COLUMN thread_id TEXT");
    }
    if (!columns.contains("files")) {
      st.execute("ALTER TABLE messages ADD COLUMN files INTEGER NOT NULL DEFAULT 0");
    }
    st.execute(
        "CREATE TABLE IF NOT EXISTS attachments ("
            + " message_id INTEGER NOT NULL,"
            + " idx INTEGER NOT NULL,"
            + " filename TEXT NOT NULL,"
            + " content_type TEXT NOT NULL,"
            + " data BLOB NOT NULL,"
            + " PRIMARY KEY (message_id, idx))");
  }

  private static void checkVersion(Statement st, int version) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT max(version) FROM spool_schema")) {
      int found = rs.next() ? rs.getInt(1) : 0;
      if (found == 0) {
        st.execute("INSERT INTO spool_schema (version) VALUES (" + version + ")");
      } else if (found > version) {
        throw new SQLException("spool schema " + found + " is newer than this release's " + version);
      } else if (found == 1 && version >= 2) {
        dedupeKeysAsLog(st);
        st.execute("UPDATE spool_schema SET version = 2");
      }
      if (found > 0 && found < version) {
        st.execute("UPDATE spool_schema SET version = " + version);
      }
    }
    st.execute("CREATE INDEX IF NOT EXISTS dedupe_keys_by_time ON dedupe_keys (seen_at)");
  }

  /** Version 1 kept dedupe keys in a WITHOUT ROWID table keyed by the key; version 2 appends them. */
  private static void dedupeKeysAsLog(Statement st) throws SQLException {
    st.execute("ALTER TABLE dedupe_keys RENAME TO dedupe_keys_v1");
    st.execute("DROP INDEX IF EXISTS dedupe_keys_by_time");
    st.execute("CREATE TABLE dedupe_keys (key TEXT NOT NULL, seen_at INTEGER NOT NULL)");
    st.execute("INSERT INTO dedupe_keys (key, seen_at) SELECT key, seen_at FROM dedupe_keys_v1 ORDER BY seen_at");
    st.execute("DROP TABLE dedupe_keys_v1");
  }
}
