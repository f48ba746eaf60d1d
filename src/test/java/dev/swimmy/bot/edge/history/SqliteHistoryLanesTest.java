package dev.swimmy.bot.edge.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.core.history.Interval;
import dev.swimmy.bot.core.history.RelayMinute;
import dev.swimmy.bot.core.history.Retention;
import dev.swimmy.bot.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-lane relay minutes in the history, against a real SQLite file. */
class SqliteHistoryLanesTest {
  private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
  private static final Interval ALL = new Interval(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  private static final Duration WAIT = Duration.ofSeconds(60); // generous: a starved host stalls the writer, it never gets it wrong

  @TempDir Path dir;

  private static RelayMinute minute(Instant at, Map<String, RelayMinute.Lane> lanes) {
    long delivered = lanes.values().stream().mapToLong(RelayMinute.Lane::delivered).sum();
    long failed = lanes.values().stream().mapToLong(RelayMinute.Lane::failed).sum();
    return new RelayMinute(at, delivered, failed, 4, 300L, lanes);
  }

  @Test
  void eachLanesMinuteIsStoredReadBackAndSurvivesAReopen() throws Exception {
    Path file = dir.resolve("history.db");
    MutableClock clock = new MutableClock(T0);
    RelayMinute first = minute(T0, Map.of("100", new RelayMinute.Lane(5, 0, 120L), "200", new RelayMinute.Lane(0, 3, null, 7)));
    RelayMinute second = minute(T0.plusSeconds(60), Map.of("100", new RelayMinute.Lane(2, 1, 90L)));
    try (SqliteHistory h = SqliteHistory.open(file, Retention.defaults(), clock)) {
      h.recordRelayMinute(minute(T0.plusSeconds(60), Map.of("300", new RelayMinute.Lane(9, 9, 9L))));
      h.recordRelayMinute(first);
      h.recordRelayMinute(second); // the same minute again replaces it, its lanes too
      h.recordRelayMinute(new RelayMinute(T0.plusSeconds(120), 0, 0, 0, null));
      assertThat(h.flush(WAIT)).isTrue();
      assertThat(h.relayMinutes(ALL)).containsExactly(first, second, new RelayMinute(T0.plusSeconds(120), 0, 0, 0, null));
    }
    try (SqliteHistory h = SqliteHistory.open(file, Retention.defaults(), clock)) {
      List<RelayMinute> read = h.relayMinutes(ALL);
      assertThat(read).containsExactly(first, second, new RelayMinute(T0.plusSeconds(120), 0, 0, 0, null));
      assertThat(read.get(0).byLane().get("200").p95Ms()).isNull();
      assertThat(h.relayMinutes(new Interval(T0.plusSeconds(60), T0.plusSeconds(120)))).containsExactly(second);
      assertThat(h.rowCounts()[3]).isEqualTo(3);
    }
  }

  @Test
  void aHistoryFileFromBeforeLanesOpensKeepsItsMinutesAndTakesLanes() throws Exception {
    Path file = dir.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
      // the schema as the bot wrote it before per-lane minutes
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("CREATE TABLE status_version (at_ms INTEGER PRIMARY KEY, daily_pnl REAL, accumulated_pnl REAL,"
          + " monthly_goal REAL, goal_progress REAL, regime TEXT, volatility TEXT, danger_level INTEGER, trades INTEGER)");
      st.execute("CREATE TABLE source_change (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, state TEXT NOT NULL)");
      st.execute("CREATE TABLE relay_minute (minute_ms INTEGER PRIMARY KEY, delivered INTEGER NOT NULL,"
          + " failed INTEGER NOT NULL, queue_len INTEGER NOT NULL, p95_ms INTEGER)");
      st.execute("INSERT INTO relay_minute VALUES (" + T0.toEpochMilli() + ", 7, 1, 2, 250)");
      st.execute("PRAGMA user_version = 1");
    }
    RelayMinute laned = minute(T0.plusSeconds(60), Map.of("100", new RelayMinute.Lane(1, 0, 10L)));
    try (SqliteHistory h = SqliteHistory.open(file, Retention.defaults(), new MutableClock(T0))) {
      h.recordRelayMinute(laned);
      assertThat(h.flush(WAIT)).isTrue();
      assertThat(h.relayMinutes(ALL)).containsExactly(new RelayMinute(T0, 7, 1, 2, 250L), laned);
    }
  }

  @Test
  void aHistoryFileWhoseLaneMinutesHadNoQueueLength_opensWithTheColumnAdded() throws Exception {
    Path file = dir.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
      // relay_lane_minute as the first per-lane schema wrote it, without queued
      st.execute("CREATE TABLE relay_minute (minute_ms INTEGER PRIMARY KEY, delivered INTEGER NOT NULL,"
          + " failed INTEGER NOT NULL, queue_len INTEGER NOT NULL, p95_ms INTEGER)");
      st.execute("CREATE TABLE relay_lane_minute (minute_ms INTEGER NOT NULL, lane TEXT NOT NULL,"
          + " delivered INTEGER NOT NULL, failed INTEGER NOT NULL, p95_ms INTEGER, PRIMARY KEY (minute_ms, lane))"
          + " WITHOUT ROWID");
      st.execute("INSERT INTO relay_minute VALUES (" + T0.toEpochMilli() + ", 5, 0, 4, 300)");
      st.execute("INSERT INTO relay_lane_minute VALUES (" + T0.toEpochMilli() + ", '100', 5, 0, 120)");
      st.execute("PRAGMA user_version = 1");
    }
    RelayMinute queued = minute(T0.plusSeconds(60), Map.of("100", new RelayMinute.Lane(0, 0, 120L, 3)));
    try (SqliteHistory h = SqliteHistory.open(file, Retention.defaults(), new MutableClock(T0))) {
      h.recordRelayMinute(queued);
      assertThat(h.flush(WAIT)).isTrue();
      assertThat(h.relayMinutes(ALL)).containsExactly(
          minute(T0, Map.of("100", new RelayMinute.Lane(5, 0, 120L, 0))), queued);
    }
  }

  @Test
  void retentionAndTheRowCapPruneLaneMinutesToo() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (SqliteHistory h = SqliteHistory.open(dir.resolve("h.db"), new Retention(Duration.ofDays(90), 1_000_000), clock)) {
      for (int i = 0; i < 100; i++) {
        h.recordRelayMinute(minute(T0.plusSeconds(60L * i),
            Map.of("100", new RelayMinute.Lane(i, 0, 5L), "200", new RelayMinute.Lane(0, 1, null))));
      }
      assertThat(h.flush(WAIT)).isTrue();
      assertThat(h.rowCounts()[3]).isEqualTo(200);

      clock.advance(Duration.ofDays(90).plusSeconds(50 * 60)); // the first 50 minutes are too old
      await().atMost(WAIT).until(() -> h.rowCounts()[3] < 200);
      assertThat(h.rowCounts()[3]).isEqualTo(100);
      assertThat(h.relayMinutes(ALL)).hasSize(50).allSatisfy(m -> assertThat(m.byLane()).hasSize(2));
    }
    try (SqliteHistory h = SqliteHistory.open(dir.resolve("cap.db"), new Retention(Duration.ofDays(90), 30),
        new MutableClock(T0))) {
      for (int i = 0; i < 100; i++) {
        h.recordRelayMinute(minute(T0.plusSeconds(60L * i),
            Map.of("100", new RelayMinute.Lane(1, 0, 5L), "200", new RelayMinute.Lane(0, 1, null))));
      }
      assertThat(h.flush(WAIT)).isTrue();
      h.pruneNow();
      assertThat(h.rowCounts()[3]).as("cut to the cap, whole minutes").isEqualTo(30);
      List<RelayMinute> kept = h.relayMinutes(ALL);
      assertThat(kept.get(kept.size() - 1).byLane()).as("the newest kept").hasSize(2);
      assertThat(kept.stream().filter(m -> !m.byLane().isEmpty()).findFirst().orElseThrow().minute())
          .as("the oldest lanes went first").isEqualTo(T0.plusSeconds(60L * 85));
    }
  }

  @Test
  void theWriterSamplesEachLanesCountsIntoMinutes() throws Exception {
    MutableClock clock = new MutableClock(T0.plusMillis(200));
    AtomicReference<RelayMinute.Counters> counters = new AtomicReference<>(new RelayMinute.Counters(clock.instant(),
        5, 1, 0, 40L, Map.of("100", new RelayMinute.Lane(5, 0, 40L), "200", new RelayMinute.Lane(0, 1, null))));
    try (SqliteHistory h = SqliteHistory.open(dir.resolve("h.db"), Retention.defaults(), clock)) {
      h.sampleRelay(counters::get);
      await().atMost(WAIT).until(() -> h.relayMinutes(ALL).size() == 1);
      // a minute later lane 100 delivered 2 more, lane 200 nothing
      counters.set(new RelayMinute.Counters(clock.instant().plusSeconds(60), 7, 1, 0, 50L,
          Map.of("100", new RelayMinute.Lane(7, 0, 50L), "200", new RelayMinute.Lane(0, 1, null))));
      clock.advance(Duration.ofSeconds(60)); // the next whole minute: the writer samples again
      await().atMost(WAIT).until(() -> h.relayMinutes(ALL).size() == 2);
      List<RelayMinute> read = h.relayMinutes(ALL);
      assertThat(read.get(0).byLane()).isEqualTo(Map.of("100", new RelayMinute.Lane(5, 0, 40L),
          "200", new RelayMinute.Lane(0, 1, null)));
      assertThat(read.get(1).delivered()).isEqualTo(2);
      assertThat(read.get(1).byLane()).as("only the lane active in the minute")
          .isEqualTo(Map.of("100", new RelayMinute.Lane(2, 0, 50L)));
    }
  }
}
