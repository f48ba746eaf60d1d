package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.testing.StatusFixtures.MTIME;
import static dev.swimmy.bot.testing.StatusFixtures.outcome;
import static dev.swimmy.bot.testing.StatusFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.status.Snapshot.BacktestCache;
import dev.swimmy.bot.core.status.Snapshot.LiveStatus;
import dev.swimmy.bot.core.status.Snapshot.SystemMetrics;
import dev.swimmy.bot.testing.StatusFixtures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusDecoderTest {

  @Test
  void liveStatus_takesItsOwnTimeFromLastUpdatedAsJstWallTime() {
    LiveStatus s = (LiveStatus) snapshot(SourceId.LIVE_STATUS, "live_status/fresh.sexp");
    assertThat(s.ownTime()).isEqualTo(Instant.parse("2026-02-11T03:18:19Z"));
    assertThat(s.schemaVersion()).isEqualTo(2);
    assertThat(s.dailyPnl()).isEqualByComparingTo("33404.44537971575");
    assertThat(s.monthlyGoal()).isEqualByComparingTo("100000");
    assertThat(s.leader()).isEqualTo("Strat-Hunter-130");
    assertThat(s.dangerLevel()).isZero();
    assertThat(s.warmupComplete()).isFalse();
    assertThat(s.lastGuardianHeartbeat())
        .isEqualTo(new Sighting.Seen<>(Instant.ofEpochSecond(3979768685L - 2208988800L)));
    assertThat(s.unknown()).isEmpty();
  }

  @Test
  void liveStatus_readsNegativeDoubleFloatsAsNumbers() {
    LiveStatus s = (LiveStatus) snapshot(SourceId.LIVE_STATUS, "live_status/negative-double-pnl.sexp");
    assertThat(s.dailyPnl()).isEqualByComparingTo("-1234.5");
  }

  @Test
  void missingValues_areAbsentNotZero() {
    byte[] bytes = "((schema_version . 2) (last_updated . \"2026-02-11 12:18:19\") (mood . \"calm\"))"
        .getBytes(StandardCharsets.UTF_8);
    LiveStatus s = (LiveStatus) ((ReadOutcome.Good) StatusFixtures.DECODER.decode(
        SourceId.LIVE_STATUS, bytes, 2, MTIME)).snapshot();
    assertThat(s.dailyPnl()).isNull();
    assertThat(s.warmupComplete()).isNull();
    assertThat(s.unknown()).containsEntry("mood", "calm");
  }

  @Test
  void schemaVersion_isCheckedBothWays() {
    assertThat(outcome(SourceId.LIVE_STATUS, "live_status/schema-v3.sexp"))
        .isEqualTo(new ReadOutcome.Bad(new Issue.SchemaMismatch(2, 3)));
    assertThat(outcome(SourceId.LIVE_STATUS, "live_status/schema-v1.sexp"))
        .isEqualTo(new ReadOutcome.Bad(new Issue.SchemaMismatch(2, 1)));
    assertThat(outcome(SourceId.SYSTEM_METRICS, "system_metrics/schema-v2.sexp"))
        .isEqualTo(new ReadOutcome.Bad(new Issue.SchemaMismatch(1, 2)));
  }

  @Test
  void truncatedFile_isAParseFailureWithItsPosition() {
    ReadOutcome o = outcome(SourceId.LIVE_STATUS, "live_status/truncated.sexp");
    Issue.ParseFailure f = (Issue.ParseFailure) ((ReadOutcome.Bad) o).issue();
    assertThat(f.line()).isEqualTo(1);
    assertThat(f.column()).isPositive();
  }

  @Test
  void garbageAndEmptyFiles_areParseFailures() {
    assertThat(((ReadOutcome.Bad) outcome(SourceId.LIVE_STATUS, "live_status/garbage.sexp")).issue())
        .isInstanceOf(Issue.ParseFailure.class)
        .extracting(Issue::describe).asString().contains("not an alist");
    assertThat(((ReadOutcome.Bad) outcome(SourceId.LIVE_STATUS, "live_status/empty.sexp")).issue())
        .isInstanceOf(Issue.ParseFailure.class);
  }

  @Test
  void malformedLastUpdated_isAParseFailureNotTheWallClock() {
    byte[] bytes = "((schema_version . 2) (last_updated . \"yesterday\"))".getBytes(StandardCharsets.UTF_8);
    ReadOutcome o = StatusFixtures.DECODER.decode(SourceId.LIVE_STATUS, bytes, 2, MTIME);
    assertThat(((ReadOutcome.Bad) o).issue().describe()).contains("last_updated");
  }

  @Test
  void systemMetrics_takesItsOwnTimeFromUniversalTime() {
    SystemMetrics s = (SystemMetrics) snapshot(SourceId.SYSTEM_METRICS, "system_metrics/typical.sexp");
    assertThat(s.ownTime()).isEqualTo(Instant.ofEpochSecond(3979768699L - 2208988800L));
    assertThat(s.heapUsedMb()).isEqualByComparingTo("718.5866");
    assertThat(s.strategyCount()).isEqualTo(BigInteger.valueOf(17962));
  }

  @Test
  void backtestCache_takesItsOwnTimeFromTheNewestEntry() {
    BacktestCache s = (BacktestCache) snapshot(SourceId.BACKTEST_CACHE, "backtest_cache/small.sexp");
    assertThat(s.entryCount()).isEqualTo(5);
    assertThat(s.newest().name()).isEqualTo("Strat-4-HS4W");
    assertThat(s.ownTime()).isEqualTo(Instant.ofEpochSecond(3979761516L - 2208988800L));
    assertThat(s.ownTimeIsFileMtime()).isFalse();
    assertThat(s.topBySharpe()).extracting(Snapshot.Strategy::name)
        .startsWith("Strat-3-7XSS", "Strat-0-KTVV");
  }

  @Test
  void backtestCacheWithoutEntries_takesItsOwnTimeFromTheFileMtime() {
    BacktestCache s = (BacktestCache) snapshot(SourceId.BACKTEST_CACHE, "backtest_cache/empty-entries.sexp");
    assertThat(s.entryCount()).isZero();
    assertThat(s.ownTime()).isEqualTo(MTIME);
    assertThat(s.ownTimeIsFileMtime()).isTrue();
  }

  @Test
  void largeBacktestCache_isSummarisedNotKeptWhole() {
    BacktestCache s = (BacktestCache) snapshot(SourceId.BACKTEST_CACHE, "backtest_cache/large-20k.sexp");
    assertThat(s.entryCount()).isEqualTo(20_000);
    assertThat(s.skippedEntries()).isZero();
    assertThat(s.topBySharpe()).hasSize(10);
    assertThat(s.topBySharpe().get(0).bestSharpe())
        .isGreaterThanOrEqualTo(s.topBySharpe().get(9).bestSharpe());
  }

  @Test
  void backtestEntriesWithoutNameOrTimestamp_areCountedAndSkipped() {
    byte[] bytes = ("((schema_version . 1) (entries ((name . \"A\") (timestamp . 3979768699)"
        + " (result :sharpe 1.5d0 :trades 3)) ((name . \"B\")) 42))").getBytes(StandardCharsets.UTF_8);
    BacktestCache s = (BacktestCache) ((ReadOutcome.Good) StatusFixtures.DECODER.decode(
        SourceId.BACKTEST_CACHE, bytes, 1, MTIME)).snapshot();
    assertThat(s.entryCount()).isEqualTo(3);
    assertThat(s.skippedEntries()).isEqualTo(2);
    assertThat(s.newest().sharpe()).isEqualTo(1.5);
    assertThat(s.newest().trades()).isEqualTo(BigInteger.valueOf(3));
  }

  @Test
  void backtestEntriesThatAreNotAList_areAParseFailure() {
    byte[] bytes = "((schema_version . 1) (entries . 5))".getBytes(StandardCharsets.UTF_8);
    assertThat(StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, bytes, 1, MTIME))
        .isInstanceOf(ReadOutcome.Bad.class);
  }
}
