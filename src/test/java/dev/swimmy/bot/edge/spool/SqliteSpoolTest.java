package dev.swimmy.bot.edge.spool;

import static dev.swimmy.bot.testing.Notifications.to;
import static dev.swimmy.bot.testing.Notifications.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.relay.MessageExtras;
import dev.swimmy.bot.core.relay.PayloadJson;
import dev.swimmy.bot.core.relay.Spool.CommitOutcome;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.SpooledMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the SQLite spool has to get right: the file (mode, WAL, schema versions), pruning, and
 * a full disk. What every spool promises is in {@code SqliteSpoolContractTest}.
 */
class SqliteSpoolTest {
  private static final Instant T0 = Instant.parse("2026-02-11T03:18:19Z");
  private static final Duration WINDOW = Duration.ofSeconds(180);

  @TempDir Path dir;
  private final AtomicInteger failures = new AtomicInteger();
  private final List<SqliteSpool> opened = new ArrayList<>();

  private SqliteSpool open(int queueMax) throws SpoolUnavailableException {
    return open(new SqliteSpool.Settings(queueMax, WINDOW, Duration.ofMinutes(10), 0));
  }

  private SqliteSpool open(SqliteSpool.Settings settings) throws SpoolUnavailableException {
    SqliteSpool spool = SqliteSpool.open(dir.resolve("spool.db"), settings,
        Clock.fixed(T0, ZoneOffset.UTC), failures::incrementAndGet);
    opened.add(spool);
    return spool;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(SqliteSpool::close);
  }

  @Test
  void deliveredRows_arePrunedAfterTheirRetention() throws Exception {
    SqliteSpool spool = open(100);
    spool.commit(List.of(to("1", "a", T0)), T0);
    List<Long> ids = spool.claim("1", 1).stream().map(SpooledMessage::id).toList();
    spool.delivered(ids, T0);
    assertThat(rows("messages")).isEqualTo(1);

    spool.commit(List.of(to("1", "later", T0)), T0.plus(Duration.ofMinutes(11)));
    assertThat(rows("messages")).isEqualTo(1);
    assertThat(rows("dedupe_keys")).isEqualTo(1);
  }

  @Test
  void theSpoolFile_isOwnerOnlyBecauseItHoldsTokens() throws Exception {
    open(100).commit(List.of(to("1", "a", T0)), T0);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("spool.db"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aFullDisk_failsTheCommitWithoutChangingAnything_andIsCounted() throws Exception {
    SqliteSpool spool = open(new SqliteSpool.Settings(1_000_000, WINDOW, Duration.ofMinutes(10), 64 * 1024));
    String big = "x".repeat(4000);
    int committed = 0;
    SpoolUnavailableException failure = null;
    for (int i = 0; i < 200 && failure == null; i++) {
      try {
        spool.commit(List.of(to("1", big + i, T0)), T0);
        committed++;
      } catch (SpoolUnavailableException e) {
        failure = e;
      }
    }
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("full");
    assertThat(failures).hasValue(1);
    assertThat(spool.available()).isFalse();
    assertThat(spool.stats().pending()).isEqualTo(committed);
    assertThatThrownBy(() -> spool.commit(List.of(to("1", big + "more", T0)), T0))
        .isInstanceOf(SpoolUnavailableException.class);
    assertThat(failures).hasValue(2);

    spool.close();

    SqliteSpool roomAgain = open(100_000_000);
    roomAgain.commit(List.of(to("1", "small", T0)), T0);
    assertThat(roomAgain.available()).isTrue();
    assertThat(roomAgain.stats().pending()).isEqualTo(committed + 1);
    assertThat(roomAgain.commit(List.of(to("1", big + committed, T0)), T0))
        .as("the failed batch claimed no dedupe key").isEqualTo(new CommitOutcome(1, 0, 0));
  }

  @Test
  void theFileIsInWalMode_soACommitSurvivesAKill() throws Exception {
    open(100).commit(List.of(to("1", "a", T0)), T0);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spool.db"));
        var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
    assertThat(dir.resolve("spool.db-wal")).exists();
  }

  @Test
  void aVersionOneFile_isMigrated_keepingItsMessagesDeadWebhooksAndDedupeKeys() throws Exception {
    String seen = "{\"content\":\"seen\"}";
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spool.db"));
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE spool_schema (version INTEGER NOT NULL)");
      st.execute("INSERT INTO spool_schema VALUES (1)");
      st.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL,"
          + " token TEXT NOT NULL, payload TEXT NOT NULL, engine_id TEXT, created_at INTEGER NOT NULL,"
          + " received_at INTEGER NOT NULL, state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight',"
          + " 'delivered', 'dead')), attempts INTEGER NOT NULL DEFAULT 0, reason TEXT, dead_at INTEGER,"
          + " delivered_at INTEGER)");
      st.execute("CREATE TABLE dedupe_keys (key TEXT PRIMARY KEY, seen_at INTEGER NOT NULL) WITHOUT ROWID");
      st.execute("CREATE INDEX dedupe_keys_by_time ON dedupe_keys (seen_at)");
      st.execute("CREATE TABLE dead_webhooks (webhook_id TEXT PRIMARY KEY, reason TEXT NOT NULL,"
          + " since INTEGER NOT NULL)");
      long t = T0.toEpochMilli();
      st.execute("INSERT INTO messages (webhook_id, token, payload, created_at, received_at, state, attempts)"
          + " VALUES ('1', 'tok-1-SECRET', '{\"content\":\"left\"}', " + t + ", " + t + ", 'in_flight', 2)");
      st.execute("INSERT INTO dedupe_keys VALUES ('id:m-1', " + t + ")");
      st.execute("INSERT INTO dedupe_keys VALUES ('h:1:" + PayloadJson.canonicalHash(seen) + "', " + t + ")");
      st.execute("INSERT INTO dead_webhooks VALUES ('2', '404 Unknown Webhook', " + t + ")");
    }

    SqliteSpool spool = open(100);
    assertThat(spool.claim("1", 5)).singleElement().satisfies(m -> {
      assertThat(m.payloadJson()).isEqualTo("{\"content\":\"left\"}");
      assertThat(m.attempts()).isEqualTo(2);
      assertThat(m.extras()).isEqualTo(MessageExtras.ZMQ);
    });
    assertThat(spool.isDead("2")).isTrue();
    assertThat(spool.commit(List.of(withId("3", "m-1", "other", T0), to("1", "seen", T0)), T0.plusSeconds(1)))
        .as("keys a version 1 release wrote still suppress repeats").isEqualTo(new CommitOutcome(0, 2, 0));
    assertThat(spool.commit(List.of(to("2", "routed", T0)), T0.plusSeconds(1))).isEqualTo(new CommitOutcome(1, 0, 0));
    assertThat(spool.stats().deadLetters()).isEqualTo(1);
    spool.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spool.db"));
        var rs = c.createStatement().executeQuery("SELECT max(version) FROM spool_schema")) {
      assertThat(rs.getInt(1)).isEqualTo(3);
    }
  }

  @Test
  void aFileWrittenByANewerRelease_isRefusedUntouched() throws Exception {
    open(100).commit(List.of(to("1", "a", T0)), T0);
    opened.forEach(SqliteSpool::close);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spool.db"))) {
      c.createStatement().execute("UPDATE spool_schema SET version = 99");
    }

    assertThatThrownBy(() -> open(100)).isInstanceOf(SpoolUnavailableException.class)
        .hasMessageContaining("spool schema 99 is newer");
    assertThat(rows("messages")).isEqualTo(1);
  }

  private long rows(String table) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spool.db"));
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      return rs.getLong(1);
    }
  }
}
