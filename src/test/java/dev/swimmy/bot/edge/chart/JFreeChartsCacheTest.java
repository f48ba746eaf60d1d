package dev.swimmy.bot.edge.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.history.HistoryReader;
import dev.swimmy.bot.core.history.Interval;
import dev.swimmy.bot.core.history.RelayMinute;
import dev.swimmy.bot.core.history.Retention;
import dev.swimmy.bot.core.history.SourceChange;
import dev.swimmy.bot.core.history.StatusVersion;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.SourceState;
import dev.swimmy.bot.edge.history.SqliteHistory;
import dev.swimmy.bot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts asked every few seconds (the Discord panel's tick, {@code /panel}) against a real
 * SQLite history: within one minute with nothing written they read no rows and draw nothing; a
 * new version written is drawn at the next ask; the next minute plans again.
 */
class JFreeChartsCacheTest {
  /** Wednesday 2026-02-11 12:00 JST: FX open. */
  private static final Instant NOW = Instant.parse("2026-02-11T03:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private static StatusVersion statusAt(Instant at, double pnl) {
    return new StatusVersion(at, pnl, 1000 + pnl, 100_000.0, 46.9, "TREND-MATURE", "HIGH", 1L, 37L);
  }

  @Test
  void theSameMinuteAndHistoryVersion_planAndDrawNothing_newDataDrawsANewImage() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    try (SqliteHistory history = SqliteHistory.open(dir.resolve("history.db"), Retention.defaults(), clock)) {
      history.recordSourceState(NOW.minusSeconds(600), SourceState.OK);
      history.recordVersion(statusAt(NOW.minusSeconds(120), 10));
      history.recordVersion(statusAt(NOW.minusSeconds(60), 20));
      assertThat(history.flush(WAIT)).isTrue();
      JFreeCharts charts = new JFreeCharts(history, MarketHours.fx(), Duration.ofSeconds(180));

      ChartImage first = charts.pnlToday(NOW.plusSeconds(1)).orElseThrow();
      assertThat(charts.plansMade()).isEqualTo(1);
      assertThat(charts.imagesDrawn()).isEqualTo(1);

      for (int s = 5; s < 60; s += 5) { // a tick every 5 s within the same minute
        assertThat(charts.pnlToday(NOW.plusSeconds(s))).containsSame(first);
      }
      assertThat(charts.plansMade()).isEqualTo(1);
      assertThat(charts.imagesDrawn()).isEqualTo(1);

      long before = history.version();
      history.recordVersion(statusAt(NOW.plusSeconds(30), 35));
      assertThat(history.flush(WAIT)).isTrue();
      assertThat(history.version()).isGreaterThan(before);
      ChartImage second = charts.pnlToday(NOW.plusSeconds(45)).orElseThrow();
      assertThat(charts.plansMade()).isEqualTo(2);
      assertThat(charts.imagesDrawn()).isEqualTo(2);
      assertThat(second.dataKey()).isNotEqualTo(first.dataKey());
      assertThat(charts.pnlToday(NOW.plusSeconds(50))).containsSame(second);

      charts.pnlToday(NOW.plusSeconds(61)); // the next minute: planned again from the rows
      assertThat(charts.plansMade()).isEqualTo(3);
      charts.pnlMonth(NOW.plusSeconds(62)); // each chart keeps its own answer
      assertThat(charts.plansMade()).isEqualTo(4);
      charts.pnlMonth(NOW.plusSeconds(63));
      charts.pnlToday(NOW.plusSeconds(64));
      assertThat(charts.plansMade()).isEqualTo(4);

      before = history.version();
      assertThat(history.flush(WAIT)).isTrue();
      assertThat(history.pruneNow()).isZero();
      assertThat(history.version()).isEqualTo(before); // a flush alone or a prune that deleted nothing
      charts.pnlToday(NOW.plusSeconds(65));
      assertThat(charts.plansMade()).isEqualTo(4);

      history.recordVersion(statusAt(NOW.minus(Retention.DEFAULT_KEEP).minusSeconds(60), 5));
      assertThat(history.flush(WAIT)).isTrue();
      charts.pnlToday(NOW.plusSeconds(66));
      assertThat(charts.plansMade()).isEqualTo(5);
      before = history.version();
      assertThat(history.pruneNow()).isEqualTo(1);
      assertThat(history.version()).isGreaterThan(before); // rows gone may change a chart too
      charts.pnlToday(NOW.plusSeconds(67));
      assertThat(charts.plansMade()).isEqualTo(6);
    }
  }

  @Test
  void aHistoryWithoutAVersion_isPlannedAtEveryAsk() {
    JFreeCharts charts = new JFreeCharts(new HistoryReader() {
      @Override
      public List<StatusVersion> versions(Interval within) {
        return List.of(statusAt(NOW.minusSeconds(60), 20));
      }

      @Override
      public List<SourceChange> sourceChanges(Interval within) {
        return List.of();
      }

      @Override
      public List<RelayMinute> relayMinutes(Interval within) {
        return List.of();
      }
    }, MarketHours.fx(), Duration.ofSeconds(180));
    ChartImage a = charts.pnlToday(NOW).orElseThrow();
    ChartImage b = charts.pnlToday(NOW.plusSeconds(5)).orElseThrow();
    assertThat(charts.plansMade()).isEqualTo(2);
    assertThat(charts.imagesDrawn()).isEqualTo(1); // the same key: the image is kept all the same
    assertThat(b).isSameAs(a);
  }
}
