package dev.swimmy.bot.edge.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.core.history.HistoryReader;
import dev.swimmy.bot.core.history.Interval;
import dev.swimmy.bot.core.history.Point;
import dev.swimmy.bot.core.history.RelayMinute;
import dev.swimmy.bot.core.history.Retention;
import dev.swimmy.bot.core.history.SourceChange;
import dev.swimmy.bot.core.history.StatusVersion;
import dev.swimmy.bot.core.status.SourceState;
import dev.swimmy.bot.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history against a real SQLite file in a temp folder. */
class SqliteHistoryTest {
  private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
  private static final Interval ALL = new Interval(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
  private static final Duration WAIT = Duration.ofSeconds(60); // generous: a starved host stalls the writer, it never gets it wrong

  @TempDir Path dir;

  private static StatusVersion version(Instant at, double pnl) {
    return new StatusVersion(at, pnl, 1000 + pnl, 100_000.0, 46.9, "TREND-MATURE", "HIGH", 1L, 37L);
  }

  @Test
  void keepsEachDistinctVersionOnceAndEverythingSurvivesAReopen() throws Exception {
    Path file = dir.resolve("history.db");
    MutableClock clock = new MutableClock(T0);
    try (SqliteHistory h = SqliteHistory.open(file, Retention.defaults(), clock)) {
      h.recordVersion(version(T0, 1));
      h.recordVersion(version(T0, 1)); // the same version read again
      h.recordVersion(version(T0.plusSeconds(60), -2.5));
      h.recordVersion(new StatusVersion(T0.plusSeconds(120), null, null, null, null, null, null, null, null));
      h.recordSourceState(T0, SourceState.OK);
      h.recordSourceState(T0.plusSeconds(5), SourceState.OK); // not a change
      h.recordSourceState(T0.plusSeconds(200), SourceState.STALE);
      h.recordRelayMinute(new RelayMinute(T0, 3, 1, 2, 420L));
      h.recordRelayMinute(new RelayMinute(T0.plusSeconds(60), 0, 0, 0, null));
      assertThat(h.flush(WAIT)).isTrue();
      assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals(SqliteHistory.THREAD_NAME));
    }
    try (SqliteHistory h = SqliteHistory.open(file, Retention.defaults(), clock)) {
      assertThat(h.versions(ALL)).containsExactly(version(T0, 1), version(T0.plusSeconds(60), -2.5),
          new StatusVersion(T0.plusSeconds(120), null, null, null, null, null, null, null, null));
      assertThat(h.sourceChanges(ALL)).containsExactly(new SourceChange(T0, SourceState.OK),
          new SourceChange(T0.plusSeconds(200), SourceState.STALE));
      assertThat(h.relayMinutes(ALL)).containsExactly(new RelayMinute(T0, 3, 1, 2, 420L),
          new RelayMinute(T0.plusSeconds(60), 0, 0, 0, null));
      assertThat(h.figure(ALL, HistoryReader.Figure.DAILY_PNL))
          .as("one figure, versions without it left out")
          .containsExactly(new Point(T0, 1), new Point(T0.plusSeconds(60), -2.5));
      assertThat(h.latest(ALL, HistoryReader.Figure.ACCUMULATED_PNL)).contains(1000 - 2.5);
      assertThat(h.latest(new Interval(T0.plusSeconds(120), T0.plusSeconds(180)), HistoryReader.Figure.MONTHLY_GOAL)).isEmpty();
      h.recordSourceState(T0.plusSeconds(300), SourceState.STALE); // remembered across the restart
      h.recordVersion(version(T0.plusSeconds(120), 9)); // same own time as a stored version: ignored
      assertThat(h.flush(WAIT)).isTrue();
      assertThat(h.sourceChanges(ALL)).hasSize(2);
      assertThat(h.versions(ALL)).hasSize(3);
    }
  }

  @Test
  void sourceChangesStartWithTheStateTheWindowOpensIn() throws Exception {
    try (SqliteHistory h = SqliteHistory.open(dir.resolve("h.db"), Retention.defaults(), new MutableClock(T0))) {
      h.recordSourceState(T0, SourceState.OK);
      h.recordSourceState(T0.plusSeconds(100), SourceState.MISSING);
      h.recordSourceState(T0.plusSeconds(1000), SourceState.OK);
      assertThat(h.flush(WAIT)).isTrue();
      assertThat(h.sourceChanges(new Interval(T0.plusSeconds(500), T0.plusSeconds(2000)))).containsExactly(
          new SourceChange(T0.plusSeconds(100), SourceState.MISSING), new SourceChange(T0.plusSeconds(1000), SourceState.OK));
    }
  }

  @Test
  void rowsPastTheRetentionArePrunedOnTheWritersSchedule() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (SqliteHistory h = SqliteHistory.open(dir.resolve("h.db"), new Retention(Duration.ofDays(90), 1_000_000), clock)) {
      for (int i = 0; i < 100; i++) {
        h.recordVersion(version(T0.plusSeconds(60L * i), i));
        h.recordRelayMinute(new RelayMinute(T0.plusSeconds(60L * i), i, 0, 0, null));
      }
      h.recordSourceState(T0, SourceState.OK);
      h.recordSourceState(T0.plusSeconds(10), SourceState.STALE);
      assertThat(h.flush(WAIT)).isTrue();
      assertThat(h.versions(ALL)).hasSize(100);

      // 90 days and 50 minutes on: the first 50 minutes are too old, and the writer's hourly
      // prune is due; nothing but the writer's own schedule prunes here.
      clock.advance(Duration.ofDays(90).plusSeconds(50 * 60));
      await().atMost(WAIT).until(() -> h.rowCounts()[0] < 100);
      assertThat(h.versions(ALL)).hasSize(50)
          .allSatisfy(v -> assertThat(v.at()).isAfterOrEqualTo(clock.instant().minus(Duration.ofDays(90))));
      assertThat(h.relayMinutes(ALL)).hasSize(50);
      assertThat(h.sourceChanges(ALL)).as("the state the kept history opens in stays")
          .containsExactly(new SourceChange(T0.plusSeconds(10), SourceState.STALE));
    }
  }

  @Test
  void theRowCapDropsTheOldestFirst() throws Exception {
    try (SqliteHistory h = SqliteHistory.open(dir.resolve("h.db"), new Retention(Duration.ofDays(90), 30),
        new MutableClock(T0))) {
      for (int i = 0; i < 100; i++) {
        h.recordVersion(version(T0.plusSeconds(60L * i), i));
      }
      assertThat(h.flush(WAIT)).isTrue();
      h.pruneNow(); // the writer may have pruned already (it prunes once at open, when due)
      List<StatusVersion> kept = h.versions(ALL);
      assertThat(kept).hasSize(30);
      assertThat(kept.get(0).at()).isEqualTo(T0.plusSeconds(60L * 70));
    }
  }

  @Test
  void aWedgedWriterNeverBlocksRecordingItCountsWhatItDrops() throws Exception {
    Path file = dir.resolve("h.db");
    try (SqliteHistory h = SqliteHistory.open(file, Retention.defaults(), new MutableClock(T0))) {
      assertThat(h.flush(WAIT)).isTrue();
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = other.createStatement()) {
        st.execute("BEGIN EXCLUSIVE"); // another process holds the file: the writer waits on it
        int offered = SqliteHistory.QUEUE_CAPACITY * 2;
        for (int i = 0; i < offered; i++) {
          h.recordVersion(version(T0.plusSeconds(i), i));
        }
        assertThat(h.overflows()).as("dropped, not waited for").isGreaterThan(0);
        st.execute("ROLLBACK");
      }
      assertThat(h.flush(WAIT)).isTrue();
      h.recordVersion(version(T0.minusSeconds(1), 0));
      assertThat(h.flush(WAIT)).isTrue();
      assertThat(h.versions(new Interval(T0.minusSeconds(1), T0))).hasSize(1);
    }
  }
}
